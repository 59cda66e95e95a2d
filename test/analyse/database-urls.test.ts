import { describe, it, expect } from 'vitest';
import { findInsecureDatabaseUrl } from '../../src/analyse/database-urls.js';

describe('findInsecureDatabaseUrl', () => {
  it.each([
    ['postgres://app@db.internal:5432/orders?sslmode=disable', 'postgres', 'sslmode=disable'],
    ['postgresql://db/orders?application_name=x&sslmode=disable', 'postgresql', 'sslmode=disable'],
    ['mysql://app@db:3306/shop?ssl-mode=DISABLED', 'mysql', 'ssl-mode=DISABLED'],
    ['mongodb://db:27017/app?tls=false', 'mongodb', 'tls=false'],
    ['mongodb+srv://cluster0.example.net/app?retryWrites=true&ssl=false', 'mongodb+srv', 'ssl=false'],
    ['jdbc:mysql://db:3306/shop?useSSL=false', 'mysql', 'useSSL=false'],
    ['host list: postgres://db/x?sslmode=require and postgres://db/y?sslmode=disable', 'postgres', 'sslmode=disable'],
    ['POSTGRES://DB/X?SSLMODE=DISABLE', 'postgres', 'SSLMODE=DISABLE'],
  ])('flags %s', (text, scheme, parameter) => {
    expect(findInsecureDatabaseUrl(text)).toEqual({ scheme, parameter });
  });

  it.each([
    'postgres://db/orders?sslmode=require',
    'postgres://db/orders?sslmode=verify-full',
    'postgres://db/orders',
    'mongodb://db/app?tls=true',
    'mongodb://db/app?tlsInsecure=false',
    'redis://cache:6379?ssl=false',
    'https://example.com/?ssl=false',
    'sslmode=disable',
    'postgres://db/orders?sslmode=%ZZ',
  ])('leaves %s alone', (text) => {
    expect(findInsecureDatabaseUrl(text)).toBeUndefined();
  });
});
