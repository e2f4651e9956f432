// Logger options: pino with secrets and bodies redacted; requests logged by method, route and status only.
import type { FastifyServerOptions } from 'fastify';
import type { DestinationStream, LoggerOptions } from 'pino';
import pino from 'pino';

export const redactPaths = [
  'req.headers.authorization',
  // @fastify/multipart logs the request headers at trace level.
  'busboyOptions.headers',
  '*.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'authorization',
  'body',
  'req.body',
  'token',
  'secret',
  'name',
  'text',
  'fileName',
  'filename',
];

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: redactPaths, censor: '[redacted]' },
    serializers: {
      // No query strings: `q=` and `person=` carry names.
      req: (req: { method: string; routeOptions?: { url?: string }; url: string; id: string }) => ({
        method: req.method,
        route: req.routeOptions?.url ?? req.url.split('?')[0],
        id: req.id,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

export function createLogger(level: string, stream?: DestinationStream): NonNullable<FastifyServerOptions['loggerInstance']> {
  return stream ? pino(loggerOptions(level), stream) : pino(loggerOptions(level));
}
