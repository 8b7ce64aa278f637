/**
 * Runs an entry point's `main` when its file is the program itself (not when run.ts or a spec imports it);
 * a failure is printed and sets exit code 1.
 */
export function runWhenMain(module: NodeModule, main: () => Promise<void>): void {
  if (require.main !== module) return;
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
