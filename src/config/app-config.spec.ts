import { ConfigError, loadConfig } from './app-config.js';

describe(loadConfig.name, () => {
  it('should apply defaults to an empty environment', () => {
    const config = loadConfig({});

    expect(config).toMatchObject({
      redisUrl: undefined,
      port: 3000,
      bcryptCost: 12,
      allowedOrigins: [],
      cookieSecure: false,
      seedDemoData: true,
    });
    expect(config.logLevels).toEqual(['fatal', 'error', 'warn', 'log']);
  });

  it('should read every variable', () => {
    const config = loadConfig({
      REDIS_URL: 'redis://10.0.0.5:6380',
      PORT: '8080',
      SESSION_SECRET: 'x'.repeat(32),
      BCRYPT_COST: '11',
      ALLOWED_ORIGINS: 'https://chat.example.com, http://localhost:4200',
      DATA_DIR: '/var/lib/chat',
      LOG_LEVEL: 'debug',
      COOKIE_SECURE: 'true',
      SEED_DEMO_DATA: 'false',
      TRUST_PROXY: 'loopback, 10.0.0.0/8',
    });

    expect(config).toMatchObject({
      redisUrl: 'redis://10.0.0.5:6380',
      port: 8080,
      bcryptCost: 11,
      allowedOrigins: ['https://chat.example.com', 'http://localhost:4200'],
      dataDir: '/var/lib/chat',
      cookieSecure: true,
      seedDemoData: false,
      trustProxy: 'loopback,10.0.0.0/8',
    });
    expect(config.logLevels).toContain('debug');
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
  });

  it.each([
    ['REDIS_URL', 'localhost:6379'],
    ['PORT', '70000'],
    ['PORT', 'eighty'],
    ['SESSION_SECRET', 'short'],
    ['BCRYPT_COST', '4'],
    ['ALLOWED_ORIGINS', 'chat.example.com'],
    ['LOG_LEVEL', 'loud'],
    ['COOKIE_SECURE', 'yes please'],
    ['TRUST_PROXY', 'everyone'],
    ['PRESENCE_TTL_MS', '10'],
    ['MESSAGE_RATE_LIMIT', '0'],
  ])('should name %s when it is "%s"', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(
      new RegExp(`^Invalid configuration:[\\s\\S]*${name}`),
    );
  });

  it('should report every bad variable at once', () => {
    try {
      loadConfig({ PORT: '-1', BCRYPT_COST: '99' });
      fail('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toHaveLength(2);
    }
  });
});
