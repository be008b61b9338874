import { describe, expect, it } from 'vitest';
import { toIsoDateTime } from '../../../src/adapters/salesforce/toIsoDateTime.js';

describe('toIsoDateTime: conversion', () => {
  it.each<[string | null | undefined, string | null]>([
    ['2024-05-01T12:00:00.000+0000', '2024-05-01T12:00:00.000Z'],
    ['2024-05-01T12:00:00+0000', '2024-05-01T12:00:00Z'],
    ['2024-05-01T12:00:00.000Z', '2024-05-01T12:00:00.000Z'],
    ['2024-05-01T14:00:00.000+0200', '2024-05-01T12:00:00.000Z'],
    ['2024-05-01T10:30:00.000-01:30', '2024-05-01T12:00:00.000Z'],
    ['2024-05-01', null],
    ['2024-13-01T00:00:00.000+0000', null],
    ['', null],
    [null, null],
    [undefined, null],
  ])('converts %j to %j', (input, expected) => {
    expect(toIsoDateTime(input)).toBe(expected);
  });
});
