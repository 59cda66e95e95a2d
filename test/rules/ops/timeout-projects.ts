// Projects shared by the tests of ops/timeout-above-maximum, ops/limits and ops/default-limits: each timeout problem
// is reported by exactly one of them.

/** A serverless.yml service of the given functions (each given by the lines under its name), with a handler each. */
export function service(functions: Record<string, string>, provider = ''): Record<string, string> {
  const body = Object.entries(functions)
    .map(([name, lines]) => `  ${name}:\n    handler: src/app.handler\n${lines}`)
    .join('');
  return {
    'serverless.yml': `service: svc\nprovider:\n  name: aws\n  runtime: nodejs22.x\n${provider}functions:\n${body}`,
    'src/app.js': 'exports.handler = async () => ({ statusCode: 200 });\n',
  };
}

/** fn0 runs up to 901 seconds (line 8), fn1 up to 900 (line 11). */
export const aboveMaximum = service({ fn0: '    timeout: 901\n', fn1: '    timeout: 900\n' });

/** Timeouts against the REST (29 s), HTTP (30 s) and WebSocket (29 s) API limits; lines 8, 18 and 38 are over. */
export const behindApis = service({
  rest30: '    timeout: 30\n    events:\n      - http: GET /a\n',
  rest29: '    timeout: 29\n    events:\n      - http: GET /b\n',
  http31: '    timeout: 31\n    events:\n      - httpApi: GET /c\n',
  http30: '    timeout: 30\n    events:\n      - httpApi: GET /d\n',
  queue60: '    timeout: 60\n    events:\n      - sqs: arn:aws:sqs:eu-west-1:123456789012:jobs\n',
  ws29: "    timeout: 29\n    events:\n      - websocket: $connect\n",
  ws40: "    timeout: 40\n    events:\n      - websocket: $default\n",
});

/** One provider timeout of 60 seconds (line 5) for two functions behind a REST API (lines 7 and 11) and a queue consumer. */
export const sharedTimeout = service(
  {
    fn0: '    events:\n      - http: GET /a\n',
    fn1: '    events:\n      - http: GET /b\n',
    fn2: '    events:\n      - sqs: arn:aws:sqs:eu-west-1:123456789012:jobs\n',
  },
  '  timeout: 60\n',
);

/** fn0 and fn2 set neither memory size nor timeout; fn1 sets a memory size. */
export const someDefaults = service({ fn0: '', fn1: '    memorySize: 256\n', fn2: '' });
