const romanValues: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

/** Value of a lower-case roman numeral up to 399, or undefined when the string is not one. */
export function romanToNumber(numeral: string): number | undefined {
  if (!/^(c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/.test(numeral) || numeral.length === 0) return undefined;
  let total = 0;
  for (let index = 0; index < numeral.length; index += 1) {
    const value = romanValues[numeral[index] ?? ''] ?? 0;
    const next = romanValues[numeral[index + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

export function numberToRoman(value: number): string {
  const table: Array<[number, string]> = [
    [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
  ];
  let remaining = value;
  let numeral = '';
  for (const [amount, symbol] of table) {
    while (remaining >= amount) {
      numeral += symbol;
      remaining -= amount;
    }
  }
  return numeral;
}
