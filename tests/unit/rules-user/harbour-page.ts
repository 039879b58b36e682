// The story the reader-rules tests extract: its URL and its long paragraphs (enough text for Readability).
export const URL_ = 'https://news.example.org/2024/harbour.html';
export const PARA = (n: number) =>
  `<p>Paragraph ${n} of the story: the harbour council met on Tuesday evening and voted on the tide barrier, ` +
  `which the town has discussed for more than a decade; residents of the lower town came in large numbers.</p>`;
