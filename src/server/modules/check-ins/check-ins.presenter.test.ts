import { serializerCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { checkInView, type CheckInView } from '../../../contracts/check-ins.js';
import { checkInViewJson } from './check-ins.presenter.js';

/** The zod serializer every other answer goes through, as Fastify compiles it for a route. */
const viaZod = serializerCompiler({
  schema: checkInView,
  method: 'POST',
  url: '/api/v1/me/check-ins',
  httpStatus: '201',
});

const DAY: CheckInView = {
  localDate: '2026-11-23',
  mood: 2,
  stress: 4,
  energy: null,
  sleepMinutes: 330,
  sleepQuality: null,
  activityMinutes: 0,
  workload: 'heavy',
  note: 'Rapat "anggaran" sampai malam\n— lelah 😮‍💨',
  tags: ['rapat', 'lembur', 'tanda </script>'],
  editable: true,
  version: 3,
  createdAt: '2026-11-23T02:00:00.000Z',
  updatedAt: '2026-11-23T03:15:00.000Z',
};

describe('checkInViewJson: the submit answer written without the zod pass', () => {
  it('writes the bytes the zod serializer writes, for full and empty days', () => {
    expect(checkInViewJson(DAY)).toBe(viaZod(DAY));
    const empty: CheckInView = {
      ...DAY,
      stress: null,
      energy: null,
      sleepMinutes: null,
      activityMinutes: null,
      workload: null,
      note: null,
      tags: [],
      editable: false,
      version: 1,
    };
    expect(checkInViewJson(empty)).toBe(viaZod(empty));
  });

  it('writes only the view’s fields, whatever else the object carries', () => {
    const extra = { ...DAY, personId: 'p-secret', details_enc: 'sealed' } as CheckInView;
    const json = checkInViewJson(extra);
    expect(json).toBe(viaZod(extra));
    expect(json).not.toContain('p-secret');
    expect(json).not.toContain('sealed');
    expect(Object.keys(JSON.parse(json) as object)).toEqual(Object.keys(checkInView.shape));
  });
});
