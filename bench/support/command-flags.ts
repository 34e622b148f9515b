/** Reads `--name value` or `--name=value` from benchmark arguments. */
export function readFlag(parameters: readonly string[], name: string): string | undefined {
  for (let index = 0; index < parameters.length; index += 1) {
    const parameter = parameters[index]!;
    if (parameter === `--${name}`) return parameters[index + 1];
    if (parameter.startsWith(`--${name}=`)) return parameter.slice(name.length + 3);
  }
  return undefined;
}

export function readNumberFlag(parameters: readonly string[], name: string, fallback: number): number {
  const value = readFlag(parameters, name);
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number)) throw new Error(`--${name} expects a number, got ${JSON.stringify(value)}`);
  return number;
}

export function readListFlag(parameters: readonly string[], name: string, fallback: readonly string[]): string[] {
  const value = readFlag(parameters, name);
  return value === undefined ? [...fallback] : value.split(',').map((item) => item.trim()).filter(Boolean);
}
