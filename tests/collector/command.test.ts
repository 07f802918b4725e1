import { parseCommand, startLines } from '../../packages/collector/src/command.js';

describe('parseCommand', () => {
  it('defaults to port 8080 and PGlite in ./touchpoint-data', () => {
    expect(parseCommand([], {})).toEqual({
      ok: true,
      settings: {
        port: 8080,
        dataDir: './touchpoint-data',
        databaseUrl: undefined,
        insightsToken: undefined,
        config: undefined,
        host: '0.0.0.0',
        rateLimit: undefined,
        initialConfig: undefined,
      },
    });
  });

  it.each([
    [['--port', '9000'], {}, { port: 9000 }],
    [['--port=0'], {}, { port: 0 }],
    [[], { PORT: '7000' }, { port: 7000 }],
    [['--port', '9000'], { PORT: '7000' }, { port: 9000 }],
    [['--data', '/var/lib/tp'], {}, { dataDir: '/var/lib/tp' }],
    [
      ['--config', 'https://x.example/touchpoint.config.json'],
      {},
      { config: 'https://x.example/touchpoint.config.json' },
    ],
    [[], { TOUCHPOINT_CONFIG: 'surveys.json' }, { config: 'surveys.json' }],
    [[], { DATABASE_URL: 'postgres://u:p@db:5432/tp' }, { databaseUrl: 'postgres://u:p@db:5432/tp' }],
    [[], { TOUCHPOINT_INSIGHTS_TOKEN: 's3cret' }, { insightsToken: 's3cret' }],
    [[], { TOUCHPOINT_INSIGHTS_TOKEN: '' }, { insightsToken: undefined }],
    [['--rate-limit', '0'], {}, { rateLimit: 0 }],
    [['--rate-limit', '250'], {}, { rateLimit: 250 }],
    [['--initial-config', 'touchpoint.config.json'], {}, { initialConfig: 'touchpoint.config.json' }],
    [['--initial-config=./site/surveys.json'], {}, { initialConfig: './site/surveys.json' }],
  ])('reads %j with %j', (args, env, expected) => {
    const parsed = parseCommand(args, env);
    expect(parsed.ok && parsed.settings).toMatchObject(expected);
  });

  it.each([
    [['--port', 'http'], {}, 'port "http": expected a port number'],
    [['--port', '70000'], {}, 'expected a port number 0–65535'],
    [['--port'], {}, '--port: expected a value'],
    [['--verbose'], {}, 'unknown argument "--verbose"'],
    [[], { DATABASE_URL: 'mysql://x' }, 'DATABASE_URL: expected postgres://'],
    [['--rate-limit', 'lots'], {}, '--rate-limit "lots": expected requests per second'],
    [['--rate-limit', '-5'], {}, '--rate-limit "-5": expected requests per second'],
    // Digits beyond what a number holds read as Infinity, which no bucket can count down from.
    [['--rate-limit', '9'.repeat(400)], {}, 'expected requests per second, 0 for no limit'],
    [['--initial-config'], {}, '--initial-config: expected a value'],
  ])('refuses %j with %j, saying why', (args, env, message) => {
    const parsed = parseCommand(args, env);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toContain(message);
    expect(!parsed.ok && parsed.message).toMatch(/^\[touchpoint\] /);
  });

  it('answers --help with the usage', () => {
    expect(parseCommand(['--help'], {})).toMatchObject({
      ok: false,
      help: true,
      message: expect.stringContaining('Usage:'),
    });
  });

  it('names every flag it reads in the usage', () => {
    const usage = (parseCommand(['--help'], {}) as { message: string }).message;
    for (const flag of ['--port', '--data', '--config', '--host', '--rate-limit', '--initial-config <file>'])
      expect(usage).toContain(flag);
  });
});

describe('startLines', () => {
  const base = {
    port: 8080,
    dataDir: './d',
    databaseUrl: undefined,
    insightsToken: undefined,
    config: undefined,
    host: '0.0.0.0',
    rateLimit: undefined,
    initialConfig: undefined,
  };

  it('says insights are for this machine only when no token is set', () => {
    expect(startLines(base, 'http://127.0.0.1:8080')[1]).toContain(
      'for this machine only (no TOUCHPOINT_INSIGHTS_TOKEN set',
    );
  });

  it('names the PostgreSQL host without its password', () => {
    const lines = startLines(
      { ...base, databaseUrl: 'postgres://u:secret@db.internal:5432/tp', insightsToken: 't' },
      'http://x',
    );
    expect(lines[0]).toContain('PostgreSQL at db.internal:5432');
    expect(lines.join('\n')).not.toContain('secret');
    expect(lines[1]).toContain('for holders of TOUCHPOINT_INSIGHTS_TOKEN');
  });
});
