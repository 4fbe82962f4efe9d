// One project's row of the monthly entry grid (pages/entry.js): its cells, what was typed against
// what is saved, and saving. The row saves itself through the API; a stale version (412/428)
// reads the month's report again (GET /projects/{id}/reports/{month}), shows the other person's
// figures and keeps what was typed, so the next save goes through.
import { api } from '../api.js';
import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { href } from '../router.js';
import { session } from '../session.js';
import { money, dateTime, readAmount, isUnusual } from '../format.js';
import { stageBadge, reportStatusBadge } from './ui.js';

/** The row of `data` ({project, current, last, ytdBefore, plan}) for `month`. */
export class EntryRow {
  constructor(data, month, { hasPlans, onSaved }) {
    this.data = data;
    this.month = month;
    this.report = data.current;
    this.onSaved = onSaved;
    this.locked = this.report?.status === 'approved' && !session.isCounty;
    this.asked = false; // the server asked for 情况说明
    this.saving = null;
    this.build(hasPlans);
    this.showSaved();
    this.updateComputed();
    this.restStatus();
  }

  get idBase() { return `r${this.data.project.id}`; }

  build(hasPlans) {
    const { project, last } = this.data;
    const cellError = (name) => h('span', { class: 'cell-error', id: `${this.idBase}-${name}-error` });
    const labelled = (name) => ({ 'aria-label': `${project.name} ${t(`field.${name}`)}`, 'aria-describedby': `${this.idBase}-${name}-error` });
    const text = (name) => h('textarea', { class: 'cell', id: `${this.idBase}-${name}`, name, disabled: this.locked, rows: 3, ...labelled(name) });
    this.investment = h('input', {
      class: 'cell', type: 'text', inputmode: 'decimal', id: `${this.idBase}-investment`, name: 'investment_completed',
      disabled: this.locked, autocomplete: 'off', ...labelled('investment_completed'),
    });
    this.progress = text('progress');
    this.problems = text('problems');
    this.explanation = text('explanation');
    this.explain = h('div', { class: 'explain', hidden: true },
      h('label', { for: this.explanation.id, class: 'explain-label' }, t('entry.explanation')), this.explanation, cellError('explanation'));
    const sameAsLast = last?.progress && !this.locked
      ? h('button', { class: 'button secondary small same-as-last', type: 'button', 'aria-label': `${project.name} ${t('entry.sameAsLast')}`,
        onclick: () => this.copyLastProgress() }, t('entry.sameAsLast'))
      : null;
    this.status = h('td', { class: 'row-status', 'aria-live': 'polite', 'data-label': t('entry.rowStatus') });
    this.ytd = h('td', { class: 'num', 'data-label': t('text.inWan', { label: t('entry.ytd') }) });
    this.comment = h('p', { class: 'returned-comment' });
    this.tr = h('tr', { id: `row-${project.id}`, 'data-project': project.id, 'data-code': project.code },
      h('th', { scope: 'row' },
        // Out of the Tab order, so that Tab goes from cell to cell.
        h('a', { href: href(`/projects/${project.id}`, { year: this.month.slice(0, 4) }), tabindex: '-1' }, project.name), h('br'),
        h('span', { class: 'ref' }, project.code), ' ', stageBadge(project.stage), this.comment),
      h('td', { class: 'num ref', 'data-label': t('text.inWan', { label: t('entry.lastMonth') }) }, last ? money(last.investment_completed) : '—'),
      hasPlans ? h('td', { class: 'num ref', 'data-label': t('text.inWan', { label: t('entry.planMonth') }) }, this.data.plan === null ? '—' : money(this.data.plan)) : null,
      h('td', { 'data-label': t('field.investment_completed') }, this.investment, cellError('investment_completed'), this.explain),
      h('td', { 'data-label': t('field.progress') }, this.progress, sameAsLast, cellError('progress')),
      h('td', { 'data-label': t('field.problems') }, this.problems, cellError('problems')),
      this.ytd,
      this.status);
    this.tr.addEventListener('input', () => this.typed());
    this.tr.addEventListener('focusout', (event) => { if (!this.tr.contains(event.relatedTarget)) this.save(); });
  }

  copyLastProgress() {
    this.progress.value = this.data.last.progress;
    this.progress.dispatchEvent(new Event('input', { bubbles: true }));
    this.progress.focus();
  }

  /** What the row's cells hold now, the figure read as clerks type it. */
  values() {
    return {
      investment_completed: readAmount(this.investment.value), progress: this.progress.value,
      problems: this.problems.value, explanation: this.explanation.value.trim(),
    };
  }

  isDirty() {
    if (this.locked) return false;
    const typed = this.values();
    const saved = this.report;
    return typed.investment_completed !== (saved ? Number(saved.investment_completed) : null)
      || (saved?.progress || '') !== typed.progress || (saved?.problems || '') !== typed.problems
      || (saved?.explanation || '') !== typed.explanation;
  }

  isReturned() { return this.report?.status === 'returned'; }

  /** Reported this month: a returned report is never counted as reported. */
  hasReport() { return Boolean(this.report) && !this.isReturned(); }

  reportId() { return this.report?.id; }

  showSaved() {
    this.investment.value = this.report ? money(this.report.investment_completed) : '';
    this.progress.value = this.report?.progress || '';
    this.problems.value = this.report?.problems || '';
    this.explanation.value = this.report?.explanation || '';
  }

  showStatus(message, tone) {
    this.tr.classList.toggle('is-returned', this.isReturned());
    this.comment.textContent = this.isReturned() && this.report.review_comment
      ? t('text.labelled', { label: t('field.review_comment'), value: this.report.review_comment }) : '';
    mount(this.status,
      reportStatusBadge(this.report),
      this.locked ? h('span', { class: 'ref' }, t('entry.locked')) : null,
      message ? h('span', { class: tone === 'bad' ? 'cell-error' : 'ref' }, message) : null);
  }

  restStatus() {
    this.showStatus(this.report ? t('entry.submittedAt', { at: dateTime(this.report.submitted_at) }) : t('entry.unsaved'));
  }

  /** 本年累计 with this figure, and 情况说明 asked for when the figure is far from the plan. */
  updateComputed() {
    const amount = readAmount(this.investment.value);
    this.ytd.textContent = money(this.data.ytdBefore + (typeof amount === 'number' ? amount : 0));
    this.explain.hidden = !(this.asked || this.explanation.value.trim() || isUnusual(amount, this.data.plan));
  }

  clearErrors() {
    for (const el of this.tr.querySelectorAll('.cell-error[id]')) el.textContent = '';
    for (const el of this.tr.querySelectorAll('.cell')) el.removeAttribute('aria-invalid');
  }

  typed() {
    const dirty = this.isDirty();
    this.tr.classList.remove('is-saved');
    this.tr.classList.toggle('is-dirty', dirty);
    // Typing the saved figures back clears the row's error: there is nothing left to save.
    if (!dirty && this.tr.classList.contains('is-failed')) {
      this.tr.classList.remove('is-failed');
      this.clearErrors();
      this.restStatus();
    }
    this.updateComputed();
  }

  /** Saves the row when it changed; answers when done (a save under way is shared). */
  save() {
    if (this.saving) return this.saving;
    if (!this.isDirty()) return Promise.resolve(null);
    this.tr.classList.remove('is-saved', 'is-failed');
    this.showStatus(t('common.saving'));
    this.saving = this.put(this.values()).finally(() => { this.saving = null; });
    return this.saving;
  }

  async put(body) {
    const { project } = this.data;
    try {
      this.report = await api.put(`/projects/${project.id}/reports/${this.month}`, body, this.report?.version);
      this.clearErrors();
      this.showSaved();
      this.tr.classList.remove('is-dirty', 'is-failed');
      this.tr.classList.add('is-saved');
      this.showStatus(`${t('entry.saved')} ${dateTime(this.report.submitted_at).slice(11)}`);
      this.onSaved();
    } catch (error) {
      // The row is marked failed only once its message is on screen (a conflict re-reads first).
      this.tr.classList.remove('is-saved');
      this.clearErrors();
      if (error.status === 412 || error.status === 428) await this.conflict().catch((again) => this.refused(again));
      else this.refused(error);
      this.tr.classList.add('is-failed');
    }
  }

  /** Someone else saved this month's report: take their version, keep what was typed, and show
   *  their figures so the clerk can decide before saving again. */
  async conflict() {
    this.report = await api.get(`/projects/${this.data.project.id}/reports/${this.month}`);
    this.showStatus(`${t('entry.conflict')} ${t('entry.theirs', { amount: money(this.report.investment_completed), progress: this.report.progress || '—' })}`, 'bad');
  }

  /** The API's field errors under their cells and its message in the status. */
  refused(error) {
    for (const [name, message] of Object.entries(error.fields)) {
      if (name === 'explanation') { this.asked = true; this.updateComputed(); }
      const slot = this.tr.querySelector(`#${this.idBase}-${name}-error`);
      if (slot) slot.textContent = message;
      this.tr.querySelector(`[name="${name}"]`)?.setAttribute('aria-invalid', 'true');
    }
    this.showStatus(t('entry.failed', { message: error.message }), 'bad');
  }
}
