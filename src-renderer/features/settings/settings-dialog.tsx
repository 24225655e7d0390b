import { useState, type FormEvent } from 'react';
import { authorUpdateSchema, type AppSettingsView } from '../../../src-shared/domain/app-settings';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { messageOf } from '../../app/use-async-error';
import { useWorkbench } from '../../app/workbench-context';
import { DialogFooter } from '../../ui/dialog-footer';
import { Modal } from '../../ui/modal';

type Field = 'name' | 'email';

/** The app's own settings: the analyst's name and email, recorded on what they create or change. */
export function SettingsDialog({ onClose }: { onClose(): void }) {
  const settings = useApiQuery('settings:get', {}).data;
  return <Modal title="Settings" onClose={onClose}>{settings ? <SettingsForm settings={settings} onClose={onClose} /> : <p className="muted">Loading…</p>}</Modal>;
}

function SettingsForm({ settings, onClose }: { settings: AppSettingsView; onClose(): void }) {
  const { setStatus } = useWorkbench();
  const { mutateAsync: saveSettings, isPending } = useApiMutation('settings:update');
  const [name, setName] = useState(settings.author.name);
  const [email, setEmail] = useState(settings.author.email ?? '');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<string | null>(null);

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    // The same rules the main process applies, checked here first so each field says what is wrong.
    const parsed = authorUpdateSchema.safeParse({ name, email });
    if (!parsed.success) {
      const errors: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as Field;
        errors[field] ??= issue.message;
      }
      setFieldErrors(errors);
      setError(null);
      return;
    }
    setFieldErrors({});
    try {
      const saved = await saveSettings(parsed.data);
      setStatus(`Settings saved: your work is recorded as ${saved.author.name}.`);
      onClose();
    } catch (failure) {
      setError(messageOf(failure));
    }
  }

  return (
    <form onSubmit={save} noValidate className="settings-form">
      {settings.problem && (
        <p role="alert" className="form-error">
          {settings.problem}
        </p>
      )}
      <p className="muted">
        Your name is recorded on the annotations, actors, tags and articles you create or change, and written into exports. It is kept on
        this computer, not in the project folder.
      </p>
      <label className="stacked-label" htmlFor="settings-name">
        Your name
      </label>
      <input
        id="settings-name"
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          setFieldErrors(({ name: _fixed, ...rest }) => rest);
        }}
        maxLength={200}
        autoFocus
        aria-invalid={Boolean(fieldErrors.name)}
        aria-describedby={fieldErrors.name ? 'settings-name-error' : undefined}
      />
      {fieldErrors.name && (
        <p id="settings-name-error" className="field-error">
          {fieldErrors.name}
        </p>
      )}
      <label className="stacked-label" htmlFor="settings-email">
        Email (optional)
      </label>
      <input
        id="settings-email"
        type="email"
        value={email}
        onChange={(e) => {
          setEmail(e.target.value);
          setFieldErrors(({ email: _fixed, ...rest }) => rest);
        }}
        placeholder="name@example.org"
        aria-invalid={Boolean(fieldErrors.email)}
        aria-describedby={fieldErrors.email ? 'settings-email-error' : undefined}
      />
      {fieldErrors.email && (
        <p id="settings-email-error" className="field-error">
          {fieldErrors.email}
        </p>
      )}
      <DialogFooter error={error} onCancel={onClose} submitLabel="Save" busy={isPending} />
    </form>
  );
}
