import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testServerStart, type TestServer } from '../testing/test-server.ts';
import { requestFromTrustedPage } from './request-origin.ts';

const OURS = 'https://attune.example';
const allowed = [OURS];

describe('requests from pages Attune trusts', () => {
  test('a change needs a trusted Origin, whatever else it carries', () => {
    assert.equal(requestFromTrustedPage({ method: 'POST', url: '/api/identity', origin: OURS, fetchSite: 'same-origin' }, allowed), true);
    assert.equal(requestFromTrustedPage({ method: 'DELETE', url: '/api/x', origin: undefined, fetchSite: undefined }, allowed), false);
    assert.equal(requestFromTrustedPage({ method: 'PUT', url: '/api/x', origin: 'https://attune.example.evil', fetchSite: 'cross-site' }, allowed), false);
  });

  test('another site cannot make a browser read the API in its person’s name', () => {
    for (const fetchSite of ['cross-site', 'same-site']) {
      assert.equal(requestFromTrustedPage({ method: 'GET', url: '/api/relationships/r/shared', origin: undefined, fetchSite }, allowed), false, fetchSite);
    }
  });

  test('our own pages, typed addresses and non-browser clients read the API; pages open from anywhere', () => {
    for (const fetchSite of ['same-origin', 'none', undefined]) {
      assert.equal(requestFromTrustedPage({ method: 'GET', url: '/api/identity', origin: undefined, fetchSite }, allowed), true, String(fetchSite));
    }
    assert.equal(requestFromTrustedPage({ method: 'GET', url: '/join/abc', origin: undefined, fetchSite: 'cross-site' }, allowed), true);
  });
});

describe('the foreign-read check on a running server', () => {
  let running: TestServer;
  before(async () => {
    running = await testServerStart();
  });
  after(async () => {
    await running.stop();
  });

  test('a cross-site read of the API is refused with bad_origin; a same-origin one is answered', async () => {
    const foreign = await running.server.app.inject({ method: 'GET', url: '/api/identity', headers: { 'sec-fetch-site': 'cross-site' } });
    assert.equal(foreign.statusCode, 403);
    assert.equal(foreign.json<{ error: { code: string } }>().error.code, 'bad_origin');
    const ours = await running.server.app.inject({ method: 'GET', url: '/api/identity', headers: { 'sec-fetch-site': 'same-origin' } });
    assert.notEqual(ours.statusCode, 403);
  });
});
