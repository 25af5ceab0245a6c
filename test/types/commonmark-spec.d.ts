// The spec's examples, as the commonmark-spec package ships them (it has no type declarations).
declare module 'commonmark-spec' {
  const spec: {
    text: string;
    tests: Array<{ markdown: string; html: string; section: string; number: number }>;
  };
  export default spec;
}
