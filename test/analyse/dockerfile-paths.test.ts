import { describe, expect, it } from 'vitest';
import { contextPathsOf } from '../../src/analyse/dockerfile-paths.js';

describe('contextPathsOf', () => {
  it('follows COPY --from through build stages to the build context', () => {
    const dockerfile = `FROM node:22 AS build
WORKDIR /src
COPY package.json ./
COPY . .
RUN npm run build
FROM node:22-alpine
COPY --from=build /src/dist /app
CMD ["node", "/app/index.js"]`;
    expect(contextPathsOf(dockerfile, '/app/index.js')).toEqual(['dist/index.js']);
    expect(contextPathsOf(dockerfile, '/src/package.json')).toEqual([]);
  });

  it('resolves relative paths against the final WORKDIR and stages by index', () => {
    const dockerfile = `FROM node:22 AS build
WORKDIR /w
COPY src ./src
FROM node:22
WORKDIR /srv
COPY --from=0 /w/src/ ./
COPY package.json server.js ./`;
    expect(contextPathsOf(dockerfile, 'server.js')).toEqual(['server.js']);
    expect(contextPathsOf(dockerfile, 'api/routes.js')).toEqual(['src/api/routes.js']);
  });

  it('reads a file renamed by COPY, the JSON form and a stage built FROM another', () => {
    expect(contextPathsOf('FROM node:22\nCOPY ["bin/start.js", "/app/main.js"]', '/app/main.js')).toEqual(['bin/start.js']);
    expect(contextPathsOf('FROM node:22 AS base\nWORKDIR /app\nCOPY . .\nFROM base\nCMD ["node", "index.js"]', 'index.js')).toEqual(['index.js']);
  });

  it('gives nothing for files from images, URLs, variables or outside the context', () => {
    expect(contextPathsOf('FROM node:22\nCOPY --from=nginx:1.27 /etc/nginx /app', '/app/nginx.conf')).toEqual([]);
    expect(contextPathsOf('FROM node:22\nCOPY ${SRC} /app', '/app/index.js')).toEqual([]);
    expect(contextPathsOf('FROM node:22\nCOPY ../shared /app', '/app/index.js')).toEqual([]);
    expect(contextPathsOf('', 'index.js')).toEqual([]);
  });
});
