import { useState, type ReactNode } from 'react';
import { useApiMutation } from '../api/mutation.js';
import { Button } from './Button.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { Checkbox } from './fields.js';

interface Acknowledgement {
  /** The checkbox's id, unique on the page. */
  id: string;
  /** What the person confirms by ticking it, e.g. that the text names nobody's health. */
  label: string;
  /** Shown on the box when the confirm button is pressed without it ticked. */
  missing: string;
}

interface ConfirmedActionProps<T> {
  /** The button that opens the question. */
  label: string;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  tone?: 'danger' | 'primary';
  variant?: 'secondary' | 'quiet' | 'danger';
  size?: 'small';
  /** A box the person must tick before the write runs (a review of what is about to be published). */
  acknowledge?: Acknowledgement;
  /** The write, run once confirmed; its failure stays in the dialog so nothing is lost. */
  run: () => Promise<T>;
  onDone: (result: T) => void;
}

/**
 * A button that asks before it writes: removing, cancelling or publishing something others will
 * see. The question sits in a ConfirmDialog; an optional box must be ticked first, so a publication
 * is a deliberate step (docs/decisions/053-committee-and-focus-groups.md).
 */
export function ConfirmedAction<T>({
  label,
  title,
  children,
  confirmLabel,
  tone = 'primary',
  variant = 'secondary',
  size,
  acknowledge,
  run,
  onDone,
}: ConfirmedActionProps<T>) {
  const [open, setOpen] = useState(false);
  const [ticked, setTicked] = useState(false);
  const [showMissing, setShowMissing] = useState(false);
  const mutation = useApiMutation(() => run(), {
    onSuccess: (result) => {
      setOpen(false);
      onDone(result);
    },
  });
  const close = () => {
    setOpen(false);
    // Each opening asks for the review again.
    setTicked(false);
    setShowMissing(false);
    mutation.reset();
  };
  const confirm = () => {
    if (acknowledge && !ticked) return setShowMissing(true);
    mutation.mutate();
  };
  return (
    <>
      <Button variant={variant} size={size ?? 'normal'} type="button" onClick={() => setOpen(true)}>
        {label}
      </Button>
      <ConfirmDialog
        open={open}
        title={title}
        confirmLabel={confirmLabel}
        tone={tone}
        busy={mutation.isPending}
        error={mutation.error?.message ?? null}
        onConfirm={confirm}
        onCancel={close}
      >
        {children}
        {acknowledge && (
          <Checkbox
            id={acknowledge.id}
            label={acknowledge.label}
            checked={ticked}
            error={showMissing && !ticked ? acknowledge.missing : undefined}
            onChange={(on) => {
              setTicked(on);
              if (on) setShowMissing(false);
            }}
          />
        )}
      </ConfirmDialog>
    </>
  );
}
