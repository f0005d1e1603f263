// saxon-js 2.7 ships no types; this declares the one call the OIOUBL validator makes.
declare module "saxon-js" {
  interface TransformOptions {
    stylesheetInternal?: unknown;
    stylesheetText?: string;
    sourceText?: string;
    destination?: "serialized" | "raw" | "document";
  }
  const SaxonJS: {
    transform(options: TransformOptions, mode: "sync"): { principalResult: unknown };
    transform(options: TransformOptions, mode: "async"): Promise<{ principalResult: unknown }>;
  };
  export default SaxonJS;
}
