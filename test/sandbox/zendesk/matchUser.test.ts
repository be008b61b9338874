import { describe, expect, it } from 'vitest';
import { matchUser } from '../../../src/sandbox/zendesk/matchUser.js';
import { parseSearchQuery } from '../../../src/sandbox/zendesk/parseSearchQuery.js';
import { zendeskUser } from './zendeskFixture.js';

const jane = zendeskUser({
  id: 1,
  name: 'Jane Q. Doe',
  email: 'Jane.Doe+vip@Example.com',
  phone: '(415) 555-1212',
  externalId: 'crm-1',
  organizationId: 77,
  tags: ['vip'],
});
const jose = zendeskUser({ id: 2, name: 'José Álvarez', email: null, phone: null, role: 'agent' });

describe('matchUser: query terms against a user', () => {
  it.each<[string, boolean]>([
    ['email:jane.doe+vip@example.com', true],
    ['email:JANE.DOE+VIP@EXAMPLE.COM  ', true],
    ['email:" jane.doe+vip@example.com "', true],
    ['email:jane.doe@example.com', false],
    ['email:*@example.com', true],
    ['email:jane.*', true],
    ['email:"*@example.com"', false],
    ['email:*@example.org', false],
    ['phone:+14155551212', true],
    ['phone:415.555.1212', true],
    ['phone:5551212', false],
    ['phone:+14155551213', false],
    ['name:"Jane Doe"', false],
    ['name:"Q. Doe"', true],
    ['name:jane', true],
    ['name:"jane q doe"', true],
    ['name:Doe', true],
    ['name:Do', false],
    ['name:Do*', true],
    ['name:do* name:j*', true],
    ['name:do* name:x*', false],
    ['name:oe*', false],
    ['name:"Do*"', false],
    ['name:*', false],
    ['jane', true],
    ['example', true],
    ['jane doe', true],
    ['"jane doe"', false],
    ['jane.doe+vip@example.com', true],
    ['jane smith', false],
    ['external_id:crm-1', true],
    ['external_id:CRM-1', false],
    ['role:end-user', true],
    ['role:agent', false],
    ['tags:vip', true],
    ['-tags:vip', false],
    ['organization_id:77', true],
    ['type:user', true],
    ['status<solved', false],
    ['unknown:jane', false],
    ['email:', false],
  ])('%j → %s for Jane', (query, expected) => {
    expect(matchUser(jane, parseSearchQuery(query))).toBe(expected);
  });

  it.each<[string, boolean]>([
    ['name:jose', true],
    ['name:"JOSÉ ÁLVAREZ"', true],
    ['alvarez', true],
    ['role:agent', true],
    ['email:jose@example.com', false],
    ['phone:0', false],
  ])('%j → %s for a user without email or phone', (query, expected) => {
    expect(matchUser(jose, parseSearchQuery(query))).toBe(expected);
  });
});
