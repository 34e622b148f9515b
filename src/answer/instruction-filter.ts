/**
 * Sentences of a question that talk to the assistant instead of asking about the documents
 * ("ignore previous instructions", "print your system prompt"). They are removed before search so
 * they cannot steer which paragraphs are found or cited.
 */
const instructionPatterns: RegExp[] = [
  /\b(?:ignore|disregard|forget|override|bypass)\b[^.!?\n]*\b(?:instructions?|rules|prompts?|above|previous|prior|guidelines|context|documents?|sources?|resolutions?)\b/i,
  /\b(?:system|developer|hidden|initial|original)\s+(?:prompt|message|instructions?)\b/i,
  /\b(?:reveal|print|show|repeat|output|display|tell\s+me|leak|dump)\b[^.!?\n]*\b(?:your|the)\s+(?:prompt|instructions|rules|configuration)\b/i,
  /\byou\s+(?:are|will)\s+now\b|\bact\s+as\s+(?:an?\s+)?(?:assistant|ai|chatbot|lawyer|expert|if)\b|\bpretend\b|\bimagine\s+(?:that\s+)?(?:the\s+)?resolution\b|\bjailbreak\b|\bdeveloper\s+mode\b/i,
  /\b(?:always|only)\s+cite\b|\bcite\s+(?:only|always)\b|\bdo\s+not\s+cite\b/i,
  /\b(?:new|updated)\s+(?:instructions?|rules?)\s*:/i,
  /\b(?:answer|respond|reply)\s+without\s+(?:citations?|sources?|references?)\b/i,
  /^\s*(?:system|assistant|developer)\s*:/i,
  /<\/?\s*(?:context|system|instructions?|sources?|documents?)\s*>/i,
  /\b(?:confirm|agree\s+with|say\s+yes\s+to)\s+(?:it|this)\b/i,
  /\bcite\s+(?:paragraph|para\.?|op|footnote|[as]\/res)\b/i,
  /\b(?:write|compose)\s+(?:me\s+)?(?:a\s+)?(?:short\s+)?(?:poem|song|story|essay|joke)\b/i,
  // Text planted inside a document addresses the model rather than stating anything.
  /\b(?:instructions?|notes?|messages?|commands?)\s+(?:for|to)\s+(?:the\s+|any\s+)?(?:language\s+models?|llms?|ai|assistants?|chatbots?|models?|bots?)\b/i,
  /\bif\s+you\s+are\s+(?:an?\s+)?(?:ai|language\s+model|llm|assistant|chatbot|bot|model)\b/i,
  /\b(?:tell|inform|assure)\s+(?:the\s+)?(?:user|reader|visitor)s?\b/i,
  /\b(?:language\s+models?|llms?|ai\s+(?:assistants?|systems?|models?)|chatbots?)\b[^.!?\n]*\b(?:must|should|shall|need\s+to)\b/i,
];

export interface FilteredQuestion {
  text: string;
  removed: string[];
}

export function removeInstructions(question: string): FilteredQuestion {
  const pieces = question.split(/(?<=[.!?\n])\s+|\n+/).filter((piece) => piece.trim().length > 0);
  const kept: string[] = [];
  const removed: string[] = [];
  for (const piece of pieces) {
    if (instructionPatterns.some((pattern) => pattern.test(piece))) removed.push(piece.trim());
    else kept.push(piece.trim());
  }
  return { text: kept.join(' ').trim(), removed };
}
