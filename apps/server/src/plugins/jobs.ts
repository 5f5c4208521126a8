/** Z-2 (embedded mode): runs `run` now and then every `everyMs`, without keeping the process alive; returns the stop. */
export function runNowAndEvery(everyMs: number, run: () => void): () => void {
  const first = setTimeout(run, 0);
  const timer = setInterval(run, everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
