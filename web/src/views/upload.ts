// Author view: download the template, upload a chronology with progress, see row errors or the report, and versions.
import { ApiError, download, messageOf, uploadWithProgress } from '../api.js';
import { casePath, type Ctx } from '../context.js';
import { announce, button, errorSummary, field, h, notice } from '../dom.js';
import type { UploadResult } from '../api-types.js';
import { renderReport, renderRowErrors } from './upload-report.js';
import { renderVersions } from './versions.js';

export async function renderUpload(container: HTMLElement, ctx: Ctx): Promise<void> {
  const s = ctx.session;
  const result = h('div', { class: 'upload-result', 'aria-live': 'polite' });
  const versions = h('div', {});

  const templateMsg = h('div', {});
  const getTemplate = (ext: 'xlsx' | 'csv') => () => {
    templateMsg.replaceChildren();
    download(`/api/template.${ext}`, `agency-chronology-template.${ext}`).then(
      (name) => templateMsg.replaceChildren(notice(`Downloaded ${name}.`, 'success')),
      (err: unknown) => templateMsg.replaceChildren(errorSummary('The template could not be downloaded', [messageOf(err)])),
    );
  };

  const agencyInput = h('input', { type: 'text', name: 'agency', class: 'input input--wide', autocomplete: 'organization' });
  const agencyField = s.role === 'author' ? h('p', { class: 'body' }, 'Agency: ', h('strong', {}, s.agency ?? '')) : field('Agency', agencyInput, 'The agency this chronology comes from, for example "Greater Manchester Police".');

  const fileInput = h('input', { type: 'file', name: 'file', class: 'file-input', accept: '.xlsx,.csv' });
  const chosen = h('p', { class: 'hint', 'aria-live': 'polite' }, 'No file chosen.');
  const showChosen = () => {
    const f = fileInput.files?.[0];
    chosen.textContent = f ? `Chosen: ${f.name} (${Math.max(1, Math.round(f.size / 1024)).toLocaleString('en-GB')} KB)` : 'No file chosen.';
  };
  fileInput.addEventListener('change', showChosen);
  const drop = h(
    'div',
    { class: 'dropzone' },
    h('p', { class: 'dropzone__text' }, 'Drag and drop your file here, or choose it:'),
    field('Chronology file (.xlsx or .csv)', fileInput),
    chosen,
  );
  drop.addEventListener('dragover', (ev) => {
    ev.preventDefault();
    drop.classList.add('dropzone--over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('dropzone--over'));
  drop.addEventListener('drop', (ev) => {
    ev.preventDefault();
    drop.classList.remove('dropzone--over');
    const files = ev.dataTransfer?.files;
    if (files && files.length > 0) {
      fileInput.files = files;
      showChosen();
    }
  });

  const dryRun = h('input', { type: 'checkbox', name: 'dryRun', class: 'checkbox__input', id: 'dry-run' });
  const progress = h('progress', { max: 100, value: 0, id: 'upload-progress', class: 'progress' });
  const progressText = h('span', { class: 'hint' }, '');
  const progressBox = h('div', { class: 'progress-box', hidden: true }, h('label', { for: 'upload-progress', class: 'label' }, 'Upload progress'), progress, progressText);
  const submit = h('button', { type: 'submit', class: 'button button--primary' }, 'Upload chronology');

  const form = h(
    'form',
    { class: 'form', novalidate: true },
    agencyField,
    drop,
    h('div', { class: 'checkbox' }, dryRun, h('label', { for: 'dry-run', class: 'checkbox__label' }, 'Only check the file – do not store it')),
    progressBox,
    submit,
  );

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const file = fileInput.files?.[0];
    const agency = s.role === 'author' ? (s.agency ?? '') : agencyInput.value.trim();
    const problems: string[] = [];
    if (!agency) problems.push('Enter the agency.');
    if (!file) problems.push('Choose a chronology file (.xlsx or .csv).');
    if (problems.length > 0 || !file) {
      result.replaceChildren(errorSummary('There is a problem', problems));
      return;
    }
    const body = new FormData();
    body.append('agency', agency);
    body.append('file', file, file.name);
    submit.disabled = true;
    progressBox.hidden = false;
    progress.value = 0;
    progressText.textContent = 'Sending…';
    result.replaceChildren();
    const url = casePath(ctx, `/chronologies${dryRun.checked ? '?dryRun=true' : ''}`);
    uploadWithProgress<UploadResult>(url, body, (fraction) => {
      progress.value = Math.round(fraction * 100);
      progressText.textContent = fraction >= 1 ? 'Sent. Checking every row…' : `${Math.round(fraction * 100)}% sent`;
    })
      .then(
        (res) => {
          result.replaceChildren(renderReport(res, file.name));
          announce(res.dryRun ? 'The file passed the check.' : `Chronology stored: ${res.submission.entries} entries.`);
          return refreshVersions();
        },
        (err: unknown) => {
          result.replaceChildren(uploadError(err, file.name));
          announce('The file was not stored.');
        },
      )
      .finally(() => {
        submit.disabled = false;
        progress.value = 100;
        progressText.textContent = 'Finished.';
      });
  });

  const refreshVersions = async () => {
    versions.replaceChildren(await renderVersions(ctx));
  };

  container.replaceChildren(
    h('h1', { class: 'heading-xl', id: 'upload-title' }, 'Upload a chronology'),
    h('p', { class: 'lead' }, 'Every row is checked. If any row has a problem nothing is stored, and you get the full list of problems to fix in one go.'),
    h('h2', { class: 'heading-l' }, 'Start from the template'),
    h('p', { class: 'body' }, 'The template has the standard columns and an example row. Type dates as 01/01/2012 and times as 17:00.'),
    h('div', { class: 'button-group' }, button('Download the template (Excel)', getTemplate('xlsx'), 'secondary'), button('Download the template (CSV)', getTemplate('csv'), 'secondary')),
    templateMsg,
    h('h2', { class: 'heading-l' }, 'Upload your chronology'),
    form,
    result,
    versions,
  );
  await refreshVersions();
}

function uploadError(err: unknown, fileName: string): HTMLElement {
  if (err instanceof ApiError && err.code === 'invalid_chronology') return renderRowErrors(err.body, fileName);
  if (err instanceof ApiError && err.status === 413) {
    const limit = typeof err.body.limit === 'string' ? ` (limit: ${err.body.limit})` : '';
    return errorSummary('The file is too large', [`${err.message}${limit}`]);
  }
  if (err instanceof ApiError && err.status === 415) return errorSummary('This kind of file cannot be read', [err.message]);
  return errorSummary('The file was not stored', [messageOf(err)]);
}
