// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../test-support.js';
import { ConfirmDialog } from './ConfirmDialog.js';

function Deactivate({ onConfirm, busy, error }: { onConfirm: () => void; busy?: boolean; error?: string | null }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Nonaktifkan unit
      </button>
      <ConfirmDialog
        open={open}
        title="Nonaktifkan Bagian Umum?"
        confirmLabel="Ya, nonaktifkan"
        tone="danger"
        busy={busy}
        error={error}
        onConfirm={onConfirm}
        onCancel={() => setOpen(false)}
      >
        <p>Orang di unit ini tetap terdaftar.</p>
      </ConfirmDialog>
    </>
  );
}

const dialog = () => screen.getByRole('dialog', { hidden: true });

describe('ConfirmDialog', () => {
  it('opens with its question and puts focus on "cancel", so Enter never confirms by accident', async () => {
    renderWithApp(<Deactivate onConfirm={() => {}} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Nonaktifkan unit' }));
    expect(dialog().hasAttribute('open')).toBe(true);
    expect(screen.getByRole('heading', { name: 'Nonaktifkan Bagian Umum?' })).toBeTruthy();
    expect(screen.getByText('Orang di unit ini tetap terdaftar.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Batal' }));
  });

  it('confirms with its own words, and cancels and gives focus back to what opened it', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    renderWithApp(<Deactivate onConfirm={onConfirm} />);
    const opener = screen.getByRole('button', { name: 'Nonaktifkan unit' });
    await user.click(opener);
    await user.click(screen.getByRole('button', { name: 'Ya, nonaktifkan' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Batal' }));
    expect(dialog().hasAttribute('open')).toBe(false);
    expect(document.activeElement).toBe(opener);
  });

  it('closes on Escape, but not while the action is under way', async () => {
    const user = userEvent.setup();
    const { unmount } = renderWithApp(<Deactivate onConfirm={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'Nonaktifkan unit' }));
    fireEvent(dialog(), new Event('cancel', { cancelable: true }));
    expect(dialog().hasAttribute('open')).toBe(false);
    unmount();

    renderWithApp(<Deactivate onConfirm={() => {}} busy />);
    await user.click(screen.getByRole('button', { name: 'Nonaktifkan unit' }));
    fireEvent(dialog(), new Event('cancel', { cancelable: true }));
    expect(dialog().hasAttribute('open')).toBe(true);
    expect(screen.getByRole('button', { name: 'Batal' })).toHaveProperty('disabled', true);
  });

  it('shows a failure of the action inside the dialog, so nothing is lost', async () => {
    renderWithApp(<Deactivate onConfirm={() => {}} error="Unit ini masih punya subunit aktif." />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Nonaktifkan unit' }));
    expect(screen.getByText('Unit ini masih punya subunit aktif.')).toBeTruthy();
  });
});
