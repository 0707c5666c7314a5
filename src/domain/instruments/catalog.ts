import { cbi } from './definitions/cbi.js';
import { gad2 } from './definitions/gad2.js';
import { gad7 } from './definitions/gad7.js';
import { k10 } from './definitions/k10.js';
import { k6 } from './definitions/k6.js';
import { phq2 } from './definitions/phq2.js';
import { phq9 } from './definitions/phq9.js';
import { pss10 } from './definitions/pss10.js';
import { srq20 } from './definitions/srq20.js';
import { who5 } from './definitions/who5.js';
import type { InstrumentDefinition, InstrumentId } from './types.js';

/**
 * Every instrument Teduh offers (docs/instruments.md §15). The BAT stays out until written permission and
 * BAT-12 cut-offs are confirmed; the MBI and the electronic C-SSRS are never included (§8–§10).
 */
export const INSTRUMENTS: Readonly<Record<InstrumentId, InstrumentDefinition>> = {
  phq9,
  phq2,
  gad7,
  gad2,
  who5,
  srq20,
  k10,
  k6,
  pss10,
  cbi,
};
