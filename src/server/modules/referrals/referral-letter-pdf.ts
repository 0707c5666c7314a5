import PDFDocument from 'pdfkit';
import type { ReferralScore } from '../../../contracts/referrals.js';
import { INSTRUMENTS } from '../../../domain/instruments/catalog.js';
import type { InstrumentId } from '../../../domain/instruments/types.js';
import { formatNumber } from '../../../i18n/format.js';
import type { Locale } from '../../../i18n/locales.js';
import type { Translate } from '../../../i18n/translator.js';

/** What the letter prints: every identity field is already null unless the client approved it. */
export interface LetterModel {
  agencyName: string;
  place: string;
  number: string;
  issuedOn: string;
  expiresOn: string;
  destinationLevel: string;
  destinationName: string | null;
  name: string | null;
  birthDate: string | null;
  bpjsNumber: string | null;
  summary: string | null;
  scores: readonly ReferralScore[];
  signature: { kind: 'counsellor'; name: string; counsellorKind: string | null } | { kind: 'self' };
}

const MARGIN = 64;
const INK = '#1f2a2e';
const MUTED = '#5b6970';
const LABEL_WIDTH = 170;

/** "3 Desember 2026": a local date (YYYY-MM-DD) in words, as an Indonesian letter dates itself. */
function longDate(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date.slice(0, 10)}T00:00:00Z`),
  );
}

const KIND_TITLES: Record<string, Record<Locale, string>> = {
  konselor: { id: 'Konselor', en: 'Counsellor' },
  psikolog_klinis: { id: 'Psikolog Klinis', en: 'Clinical Psychologist' },
  psikiater: { id: 'Psikiater', en: 'Psychiatrist' },
  dokter: { id: 'Dokter', en: 'Doctor' },
};

/**
 * The referral letter on A4, laid out as an Indonesian official letter (docs/decisions/044-referrals.md):
 * the agency's letterhead (kop) over a double rule, the title and number, "Kepada Yth.", the identity
 * block with only the approved fields, the reason, the approved scores, the validity, place and date,
 * and the signature of the counsellor or the note that the person wrote it themself. Built with
 * pdfkit's standard fonts, so nothing is fetched or embedded.
 */
export function renderLetter(m: LetterModel, locale: Locale, t: Translate): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: t('referrals.letter.title'), Author: m.agencyName, Creator: 'Teduh' },
    lang: locale,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => {
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
  });
  const left = MARGIN;
  const width = doc.page.width - MARGIN * 2;

  // Kop surat.
  doc.fillColor(INK).font('Helvetica-Bold').fontSize(14).text(m.agencyName.toUpperCase(), left, MARGIN, {
    width,
    align: 'center',
  });
  doc.font('Helvetica').fontSize(10).fillColor(MUTED).text(t('referrals.letter.service'), { width, align: 'center' });
  const ruleY = doc.y + 6;
  doc
    .strokeColor(INK)
    .lineWidth(1.6)
    .moveTo(left, ruleY)
    .lineTo(left + width, ruleY)
    .stroke();
  doc
    .lineWidth(0.5)
    .moveTo(left, ruleY + 3)
    .lineTo(left + width, ruleY + 3)
    .stroke();

  doc
    .fillColor(INK)
    .font('Helvetica-Bold')
    .fontSize(13)
    .text(t('referrals.letter.title'), left, ruleY + 18, {
      width,
      align: 'center',
    });
  doc
    .font('Helvetica')
    .fontSize(10)
    .text(t('referrals.letter.number', { number: m.number }), { width, align: 'center' });
  doc.moveDown(1.5);

  // Kepada Yth.
  doc.fontSize(11).text(t('referrals.letter.to'), left, doc.y, { width });
  doc.font('Helvetica-Bold').text(t(`referrals.levels.${m.destinationLevel}`), { width });
  doc.font('Helvetica');
  if (m.destinationName) doc.text(m.destinationName, { width });
  doc.text(t('referrals.letter.to_place'), { width });
  doc.moveDown();

  doc.text(t('referrals.letter.greeting'), { width });
  doc.moveDown(0.5);
  doc.text(
    m.signature.kind === 'self' ? t('referrals.letter.opening_self') : t('referrals.letter.opening_counsellor'),
    { width },
  );
  doc.moveDown(0.5);

  // The identity block: approved fields only.
  const rows: Array<[string, string]> = [];
  if (m.name) rows.push([t('referrals.fields.name'), m.name]);
  if (m.birthDate) rows.push([t('referrals.fields.birth_date'), longDate(m.birthDate, locale)]);
  if (m.bpjsNumber) rows.push([t('referrals.fields.bpjs_number'), m.bpjsNumber]);
  if (rows.length === 0) {
    doc.fillColor(MUTED).text(t('referrals.letter.identity_withheld'), left + 20, doc.y, { width: width - 20 });
    doc.fillColor(INK);
  }
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.text(label, left + 20, y, { width: LABEL_WIDTH - 20 });
    const labelBottom = doc.y;
    doc.text(`: ${value}`, left + LABEL_WIDTH, y, { width: width - LABEL_WIDTH });
    doc.y = Math.max(doc.y, labelBottom);
  }
  doc.moveDown();

  if (m.summary) {
    doc.font('Helvetica-Bold').text(t('referrals.letter.reason'), left, doc.y, { width });
    doc.font('Helvetica').text(m.summary, { width });
    doc.moveDown();
  }

  if (m.scores.length > 0) {
    doc.font('Helvetica-Bold').text(t('referrals.letter.scores'), left, doc.y, { width });
    doc.font('Helvetica');
    for (const s of m.scores) {
      const name = INSTRUMENTS[s.instrumentId as InstrumentId]?.abbreviation ?? s.instrumentId;
      doc.text(
        `• ${t('referrals.letter.score_line', {
          instrument: name,
          total: s.total === null ? '—' : formatNumber(s.total, locale),
          band: s.bandLabel ? ` (${s.bandLabel})` : '',
          date: longDate(s.takenAt, locale),
        })}`,
        left + 10,
        doc.y,
        { width: width - 10 },
      );
    }
    doc.moveDown();
  }

  doc.text(t('referrals.letter.valid_until', { date: longDate(m.expiresOn, locale) }), left, doc.y, { width });
  doc.moveDown(0.5);
  doc.text(m.signature.kind === 'self' ? t('referrals.letter.closing_self') : t('referrals.letter.closing'), { width });
  doc.moveDown(1.5);

  // Place, date and signature, on the right.
  const sigX = left + width / 2 + 20;
  const sigWidth = width / 2 - 20;
  doc.text(t('referrals.letter.place_date', { place: m.place, date: longDate(m.issuedOn, locale) }), sigX, doc.y, {
    width: sigWidth,
  });
  if (m.signature.kind === 'counsellor') {
    doc.text(t('referrals.letter.signed_counsellor'), { width: sigWidth });
    const title = m.signature.counsellorKind ? KIND_TITLES[m.signature.counsellorKind]?.[locale] : null;
    if (title) doc.text(title, { width: sigWidth });
    doc.moveDown(3.5);
    doc.font('Helvetica-Bold').text(m.signature.name, { width: sigWidth });
    doc.font('Helvetica');
  } else {
    doc.text(t('referrals.letter.signed_self'), { width: sigWidth });
    doc.moveDown(3.5);
    if (m.name) doc.font('Helvetica-Bold').text(m.name, { width: sigWidth }).font('Helvetica');
    doc.fillColor(MUTED).fontSize(9.5).text(t('referrals.letter.self_made'), { width: sigWidth });
  }

  doc
    .fillColor(MUTED)
    .fontSize(8.5)
    .text(t('referrals.letter.footer'), left, doc.page.height - MARGIN - 14, {
      width,
      align: 'center',
      lineBreak: true,
    });
  doc.end();
  return done;
}
