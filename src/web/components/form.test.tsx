// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { FormEvent } from 'react';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { emailSchema, optionalEmail, requiredText } from '../../contracts/common.js';
import { ApiError } from '../api/client.js';
import { translate } from '../i18n.js';
import { renderWithApp } from '../test-support.js';
import { TextField } from './fields.js';
import { useForm, zodFieldErrors } from './form.js';
import { FormErrorSummary } from './FormErrorSummary.js';

const body = z.object({ name: requiredText(50), email: emailSchema });

/** A two-field form as the pages build them: contract schema, summary, fields, and a server answer. */
function ContactForm({ server }: { server?: unknown }) {
  const form = useForm('contact', { name: '', email: '' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.validate(body, form.values)) return;
    if (server) form.showServerError(server);
  };
  return (
    <form onSubmit={submit} noValidate>
      <FormErrorSummary {...form.summary} labels={{ name: 'Nama', email: 'Email' }} />
      <TextField {...form.field('name')} label="Nama" />
      <TextField {...form.field('email')} label="Email" />
      <button type="submit">Kirim</button>
    </form>
  );
}

describe('zodFieldErrors', () => {
  it('words each problem of a contract in the messages the server uses, by field path', () => {
    const result = body.safeParse({ name: '', email: 'not-an-email' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(zodFieldErrors(result.error)).toEqual({
      name: translate('validation.required'),
      email: translate('validation.invalid_email'),
    });
  });

  it('prefixes nested paths and, for "empty or valid", names what is wrong with the value', () => {
    const schema = z.object({ admin: z.object({ email: optionalEmail }) });
    const result = schema.safeParse({ admin: { email: 'x@' } });
    if (result.success) throw new Error('expected a problem');
    expect(zodFieldErrors(result.error, 'step.')).toEqual({
      'step.admin.email': translate('validation.invalid_email'),
    });
  });
});

describe('useForm with FormErrorSummary', () => {
  it('shows nothing before the first submission', () => {
    renderWithApp(<ContactForm />);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('lists each problem in a focused summary and marks the fields, keeping what was typed', async () => {
    const user = userEvent.setup();
    renderWithApp(<ContactForm />);
    await user.type(screen.getByLabelText('Email'), 'budi@');
    await user.click(screen.getByRole('button', { name: 'Kirim' }));

    const summary = screen.getByRole('alert');
    expect(summary).toHaveProperty('textContent', expect.stringContaining(translate('common.form.summary_title')));
    expect(document.activeElement).toBe(summary);
    const links = screen.getAllByRole('link').map((a) => a.textContent);
    expect(links).toEqual([
      `Nama: ${translate('validation.required')}`,
      `Email: ${translate('validation.invalid_email')}`,
    ]);
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
    expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('budi@');
  });

  it('takes the person to the field when a problem in the summary is chosen', async () => {
    const user = userEvent.setup();
    renderWithApp(<ContactForm />);
    await user.click(screen.getByRole('button', { name: 'Kirim' }));
    await user.click(screen.getByRole('link', { name: new RegExp(`^Email: `) }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.activeElement).toBe(screen.getByLabelText('Email'));
  });

  it('puts the server’s field problems next to their fields', async () => {
    const user = userEvent.setup();
    const taken = new ApiError(409, 'conflict', 'Sudah dipakai', { email: 'Email ini sudah dipakai.' });
    renderWithApp(<ContactForm server={taken} />);
    await user.type(screen.getByLabelText('Nama'), 'Budi');
    await user.type(screen.getByLabelText('Email'), 'budi@example.go.id');
    await user.click(screen.getByRole('button', { name: 'Kirim' }));
    expect(screen.getByRole('link', { name: 'Email: Email ini sudah dipakai.' })).toBeTruthy();
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
  });

  it('shows a failure that belongs to no field at the top, and an unknown failure in plain words', async () => {
    const user = userEvent.setup();
    const { unmount } = renderWithApp(
      <ContactForm server={new ApiError(503, 'unavailable', 'Layanan sedang sibuk.')} />,
    );
    await user.type(screen.getByLabelText('Nama'), 'Budi');
    await user.type(screen.getByLabelText('Email'), 'budi@example.go.id');
    await user.click(screen.getByRole('button', { name: 'Kirim' }));
    expect(screen.getByRole('alert').textContent).toContain(translate('common.form.failed_title'));
    expect(screen.getByRole('alert').textContent).toContain('Layanan sedang sibuk.');
    unmount();

    renderWithApp(<ContactForm server={new Error('boom')} />);
    await user.type(screen.getByLabelText('Nama'), 'Budi');
    await user.type(screen.getByLabelText('Email'), 'budi@example.go.id');
    await user.click(screen.getByRole('button', { name: 'Kirim' }));
    expect(screen.getByRole('alert').textContent).toContain(translate('common.errors.unexpected'));
  });
});
