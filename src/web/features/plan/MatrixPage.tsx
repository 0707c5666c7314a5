import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { QUADRANTS, taskCreateBody, type Quadrant } from '../../../contracts/planner.js';
import { isApiError, type FieldErrors } from '../../api/client.js';
import {
  createTask,
  deleteTask,
  patchTask,
  tasksQuery,
  type TaskList,
  type TaskPatchBody,
  type TaskView,
} from '../../api/planner.api.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { Toast, useToast } from '../../components/Toast.js';
import { Select, TextField } from '../../components/fields.js';
import { DateField } from '../../components/DateField.js';
import { zodFieldErrors } from '../../components/form.js';
import { newId } from '../../lib/new-id.js';
import { useFormat } from '../../lib/use-format.js';
import { useT, type MessageKey } from '../../i18n.js';

const DRAG_TYPE = 'application/x-teduh-task';

/** A task card: done, move (a menu the keyboard reaches), delete; draggable with a mouse. */
function TaskCard({
  task,
  onPatch,
  onDelete,
}: {
  task: TaskView;
  onPatch: (task: TaskView, body: TaskPatchBody) => void;
  onDelete: (task: TaskView) => void;
}) {
  const { t } = useT();
  const fmt = useFormat();
  const [menu, setMenu] = useState(false);
  const done = task.doneAt !== null;
  const q = (x: Quadrant) => t(`plan.quadrants.${x}` as MessageKey);
  return (
    <li
      className={`task ${done ? 'task--done' : ''}`}
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_TYPE, task.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
    >
      <div className="task__row">
        <input
          type="checkbox"
          className="task__done"
          checked={done}
          aria-label={t(done ? 'plan.matrix.mark_open' : 'plan.matrix.mark_done', { title: task.title })}
          onChange={() => onPatch(task, { done: !done })}
        />
        <div className="task__body">
          <p className="task__title">{task.title}</p>
          {task.dueOn && <p className="task__due">{t('plan.matrix.due', { date: fmt.day(task.dueOn) })}</p>}
        </div>
      </div>
      <div className="task__actions">
        <Button
          variant="quiet"
          size="small"
          id={`task-move-${task.id}`}
          aria-expanded={menu}
          aria-controls={`task-menu-${task.id}`}
          aria-label={t('plan.matrix.move_label', { title: task.title })}
          onClick={() => {
            const opening = !menu;
            setMenu(opening);
            // The menu opens with its first choice focused, so Enter, Enter moves a task.
            if (opening)
              window.setTimeout(() => document.querySelector<HTMLElement>(`#task-menu-${task.id} button`)?.focus(), 0);
          }}
        >
          {t('plan.matrix.move')}
        </Button>
        <Button
          variant="quiet"
          size="small"
          aria-label={t('plan.matrix.delete', { title: task.title })}
          onClick={() => onDelete(task)}
        >
          ✕
        </Button>
      </div>
      {menu && (
        <ul className="task__menu" id={`task-menu-${task.id}`}>
          {QUADRANTS.filter((x) => x !== task.quadrant).map((x) => (
            <li key={x}>
              <Button
                variant="secondary"
                size="small"
                onClick={() => {
                  setMenu(false);
                  onPatch(task, { quadrant: x });
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Escape') {
                    setMenu(false);
                    document.getElementById(`task-move-${task.id}`)?.focus();
                  }
                }}
              >
                {q(x)}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function AddTask({ onAdded }: { onAdded: (task: TaskView) => void }) {
  const { t } = useT();
  const [id, setId] = useState(newId);
  const [title, setTitle] = useState('');
  const [quadrant, setQuadrant] = useState<Quadrant>('do');
  const [due, setDue] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const add = useMutation({
    mutationFn: createTask,
    onSuccess: (task) => {
      setTitle('');
      setDue('');
      setId(newId());
      onAdded(task);
    },
  });
  const serverErrors = isApiError(add.error) ? add.error.fieldErrors : {};
  const shown = { ...serverErrors, ...errors };
  return (
    <form
      className="card task-add"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = taskCreateBody.safeParse({ id, title, quadrant, dueOn: due === '' ? null : due });
        if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
        setErrors({});
        add.mutate(parsed.data);
      }}
    >
      <TextField
        id="task-title"
        label={t('plan.matrix.add_label')}
        hint={t('plan.matrix.add_hint')}
        value={title}
        onChange={setTitle}
        error={shown.title}
        maxLength={200}
      />
      <div className="task-add__row">
        <Select
          id="task-quadrant"
          label={t('plan.matrix.add_quadrant')}
          value={quadrant}
          onChange={(v) => setQuadrant(v as Quadrant)}
          options={QUADRANTS.map((x) => ({ value: x, label: t(`plan.quadrants.${x}` as MessageKey) }))}
        />
        <DateField
          id="task-due"
          optional
          label={t('plan.matrix.due_label')}
          value={due}
          onChange={setDue}
          error={shown.dueOn}
        />
      </div>
      {add.error && !Object.keys(serverErrors).length && (
        <Alert tone="error">
          <p>{isApiError(add.error) ? add.error.message : t('plan.matrix.failed')}</p>
        </Alert>
      )}
      <Button type="submit" busy={add.isPending}>
        {t('plan.matrix.add')}
      </Button>
    </form>
  );
}

/**
 * /plan: the person's tasks in an Eisenhower matrix (do / schedule / delegate / drop). A task moves
 * by dragging it with a mouse or by its "Move to…" menu with the keyboard; the move is announced and
 * focus follows the card. Changes show at once and are rolled back if the server refuses them.
 */
export function MatrixPage() {
  const { t } = useT();
  const queryClient = useQueryClient();
  const tasks = useQuery(tasksQuery);
  const toast = useToast();
  const [over, setOver] = useState<Quadrant | null>(null);
  const [failed, setFailed] = useState(false);
  const snapshot = useRef<TaskList | undefined>(undefined);

  const replace = (task: TaskView) =>
    queryClient.setQueryData<TaskList>(tasksQuery.queryKey, (list) =>
      list
        ? {
            tasks: list.tasks.some((x) => x.id === task.id)
              ? list.tasks.map((x) => (x.id === task.id ? task : x))
              : [...list.tasks, task],
          }
        : list,
    );

  const patch = useMutation({
    mutationFn: (v: { task: TaskView; body: TaskPatchBody }) => patchTask(v.task.id, v.body),
    onMutate: (v) => {
      setFailed(false);
      snapshot.current = queryClient.getQueryData(tasksQuery.queryKey);
      replace({
        ...v.task,
        ...(v.body.quadrant ? { quadrant: v.body.quadrant } : {}),
        ...(v.body.done !== undefined ? { doneAt: v.body.done ? new Date().toISOString() : null } : {}),
      });
      if (v.body.quadrant) {
        toast.show(
          t('plan.matrix.moved', {
            title: v.task.title,
            quadrant: t(`plan.quadrants.${v.body.quadrant}` as MessageKey),
          }),
        );
        window.setTimeout(() => document.getElementById(`task-move-${v.task.id}`)?.focus(), 0);
      }
    },
    onSuccess: (task) => replace(task),
    onError: () => {
      queryClient.setQueryData(tasksQuery.queryKey, snapshot.current);
      setFailed(true);
    },
  });

  const remove = useMutation({
    mutationFn: (task: TaskView) => deleteTask(task.id),
    onSuccess: (_r, task) => {
      queryClient.setQueryData<TaskList>(tasksQuery.queryKey, (list) =>
        list ? { tasks: list.tasks.filter((x) => x.id !== task.id) } : list,
      );
      toast.show(t('plan.matrix.deleted', { title: task.title }));
    },
    onError: () => setFailed(true),
  });

  const onPatch = (task: TaskView, body: TaskPatchBody) => patch.mutate({ task, body });

  return (
    <>
      <PageHeader title={t('plan.matrix.title')} lead={t('plan.matrix.lead')} />
      <p className="plan-privacy">{t('plan.only_you')}</p>
      {failed && (
        <Alert tone="error">
          <p>{t('plan.matrix.failed')}</p>
        </Alert>
      )}
      <AddTask
        onAdded={(task) => {
          replace(task);
          toast.show(t('plan.matrix.added', { quadrant: t(`plan.quadrants.${task.quadrant}` as MessageKey) }));
        }}
      />
      <p className="muted small">{t('plan.matrix.drag_hint')}</p>
      <QueryState query={tasks} loadingLabel={t('plan.matrix.loading')} skeletonLines={8}>
        {(list) => (
          <div className="matrix">
            {QUADRANTS.map((x) => {
              const inBox = list.tasks.filter((task) => task.quadrant === x);
              const open = inBox.filter((task) => task.doneAt === null);
              const done = inBox.filter((task) => task.doneAt !== null);
              return (
                <section
                  key={x}
                  className={`quadrant quadrant--${x} ${over === x ? 'quadrant--over' : ''}`}
                  aria-labelledby={`quadrant-${x}`}
                  onDragOver={(e) => {
                    if (e.dataTransfer.types.includes(DRAG_TYPE)) {
                      e.preventDefault();
                      setOver(x);
                    }
                  }}
                  onDragLeave={() => setOver(null)}
                  onDrop={(e) => {
                    e.preventDefault();
                    setOver(null);
                    const id = e.dataTransfer.getData(DRAG_TYPE);
                    const task = list.tasks.find((task) => task.id === id);
                    if (task && task.quadrant !== x) onPatch(task, { quadrant: x });
                  }}
                >
                  <h2 id={`quadrant-${x}`} className="quadrant__title">
                    {t(`plan.quadrants.${x}` as MessageKey)}{' '}
                    <span className="quadrant__count">({t('plan.matrix.count', { count: open.length })})</span>
                  </h2>
                  <p className="quadrant__hint">{t(`plan.quadrant_hints.${x}` as MessageKey)}</p>
                  {open.length === 0 && done.length === 0 ? (
                    <p className="quadrant__empty">{t('plan.matrix.empty_quadrant')}</p>
                  ) : (
                    <ul className="task-list">
                      {[...open, ...done].map((task) => (
                        <TaskCard
                          key={task.id}
                          task={task}
                          onPatch={onPatch}
                          onDelete={(task) => remove.mutate(task)}
                        />
                      ))}
                    </ul>
                  )}
                </section>
              );
            })}
          </div>
        )}
      </QueryState>
      <Toast message={toast.message} onDismiss={toast.dismiss} />
    </>
  );
}
