// Preloaded into the language server by bench/soak.mjs (node --expose-gc -r bench/soakProbe.cjs):
// on SIGUSR2 the server collects garbage fully and prints its memory on stderr, one JSON line.
// Nothing of this is in the shipped server.
process.on('SIGUSR2', () => {
  global.gc?.();
  global.gc?.();
  const { heapUsed, rss, external, arrayBuffers } = process.memoryUsage();
  process.stderr.write(`agentdoc-soak-memory ${JSON.stringify({ heapUsed, rss, external, arrayBuffers })}\n`);
});
