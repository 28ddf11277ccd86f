/**
 * PM2 cluster: several redis-chat processes share one port and one Redis. Start with
 * `npm run build && npm run start:cluster` (pm2-runtime keeps it in the foreground).
 *
 * Every process needs the same Redis, so REDIS_URL must name one (the embedded Redis is a
 * one-process convenience). The web client connects over WebSocket first, which needs no sticky
 * sessions; its HTTP long-polling fallback would need them, and PM2's round-robin does not give
 * them, so a network that blocks WebSocket needs a sticky load balancer instead of PM2.
 */
module.exports = {
  apps: [
    {
      name: 'redis-chat',
      script: 'dist/main.js',
      exec_mode: 'cluster',
      instances: process.env.INSTANCES ?? 2,
      kill_timeout: 10000,
      env: {
        NODE_ENV: 'production',
        PORT: process.env.PORT ?? '3000',
        REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      },
    },
  ],
};
