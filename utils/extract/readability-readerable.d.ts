// Readability ships its cheap readerable check as its own CommonJS file; the detector imports that file alone so
// the content script does not carry the whole parser.
declare module '@mozilla/readability/Readability-readerable.js' {
  export default function isProbablyReaderable(
    doc: Document,
    options?: { minContentLength?: number; minScore?: number; visibilityChecker?: (node: Node) => boolean },
  ): boolean;
}
