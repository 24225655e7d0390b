import { expect, type Locator, type Page } from '@playwright/test';

export interface NewArticle {
  title: string;
  source?: string;
  url?: string;
  published?: string;
  text: string;
}

/** The workbench as a user sees it, addressed by accessible names only. */
export class WorkbenchPage {
  constructor(readonly page: Page) {}

  get library(): Locator {
    return this.page.getByRole('listbox', { name: 'Library' });
  }

  /** The library panel's controls: there whether or not the library has articles (an empty one is a message, not a listbox). */
  get libraryPanel(): Locator {
    return this.page.getByRole('combobox', { name: 'Sort library' });
  }

  get article(): Locator {
    return this.page.locator('article');
  }

  get selectionToolbar(): Locator {
    return this.page.getByRole('toolbar', { name: 'Selection' });
  }

  highlights(): Locator {
    return this.article.locator('mark');
  }

  libraryItem(title: string | RegExp): Locator {
    return this.library.getByRole('option', { name: title });
  }

  async addArticle(article: NewArticle): Promise<void> {
    await this.page.getByRole('button', { name: 'New article' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New article' });
    await dialog.getByLabel('Title').fill(article.title);
    if (article.source) await dialog.getByLabel('Source').fill(article.source);
    if (article.url) await dialog.getByLabel('URL').fill(article.url);
    if (article.published) await dialog.getByLabel('Published').fill(article.published);
    await dialog.getByLabel('Text').fill(article.text);
    await dialog.getByRole('button', { name: 'Save' }).click();
    // Until the modal closes, the rest of the page is inert: typing would land in the dialog.
    await expect(dialog).toBeHidden();
  }

  /** Adds an article and waits until the reader shows it (not the article open before). */
  async addAndOpenArticle(article: NewArticle): Promise<void> {
    await this.addArticle(article);
    await expect(this.page.getByRole('article', { name: article.title, exact: true })).toBeVisible();
  }

  async openArticle(title: string | RegExp): Promise<void> {
    await this.libraryItem(title).click();
    await expect(this.article).toBeVisible();
  }

  /**
   * Selects the first occurrence of `passage` in the article the way a script can: set the DOM
   * selection, then fire mouseup as a mouse would at the end of a drag.
   */
  async selectText(passage: string): Promise<void> {
    await this.article.evaluate((root, wanted) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      let all = '';
      while (walker.nextNode()) {
        nodes.push(walker.currentNode as Text);
        all += (walker.currentNode as Text).data;
      }
      const at = all.indexOf(wanted);
      if (at === -1) throw new Error(`"${wanted}" is not in the article`);
      const locate = (offset: number, preferNext: boolean): [Text, number] => {
        let seen = 0;
        for (const node of nodes) {
          const end = seen + node.data.length;
          if (offset < end || (!preferNext && offset === end)) return [node, offset - seen];
          seen = end;
        }
        const last = nodes[nodes.length - 1]!;
        return [last, last.data.length];
      };
      const [startNode, startOffset] = locate(at, true);
      const [endNode, endOffset] = locate(at + wanted.length, false);
      window.getSelection()!.setBaseAndExtent(startNode, startOffset, endNode, endOffset);
      root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    }, passage);
    await expect(this.selectionToolbar).toBeVisible();
  }

  async highlight(passage: string): Promise<void> {
    const before = await this.highlights().count();
    await this.selectText(passage);
    await this.selectionToolbar.getByRole('button', { name: 'Highlight' }).click();
    await expect(this.highlights()).not.toHaveCount(before);
    // Drawn at once, then confirmed by the store (the pending copy is replaced and selected).
    await expect(this.article.locator('mark[data-ids*="pending-"]')).toHaveCount(0);
    await expect(this.article.locator('mark.hl-selected').first()).toBeVisible();
  }

  /** The highlighted passages, as the text of their <mark> runs joined per annotation. */
  async highlightedTexts(): Promise<string[]> {
    return this.article.evaluate((root) => {
      const texts = new Map<string, string>();
      for (const mark of root.querySelectorAll<HTMLElement>('mark[data-ids]')) {
        for (const id of (mark.dataset.ids ?? '').split(' ')) texts.set(id, (texts.get(id) ?? '') + mark.textContent);
      }
      return [...texts.values()];
    });
  }

  async clickHighlight(text: string): Promise<void> {
    await this.article.locator('mark', { hasText: text }).first().click();
  }

  async chooseExport(format: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Export' }).click();
    await this.page.getByRole('menuitem', { name: format, exact: true }).click();
  }

  async expectStatus(pattern: RegExp): Promise<void> {
    await expect(this.page.getByRole('status')).toHaveText(pattern);
  }

  panel(name: 'Annotations' | 'Actors' | 'Codebook'): Locator {
    return this.page.getByRole('region', { name });
  }

  /** The editor of the selected annotation, in the Annotations panel. */
  get selectedAnnotation(): Locator {
    return this.page.getByRole('region', { name: 'Selected annotation' });
  }

  /** Selects `passage`, then marks it as a mention of an existing actor or a new one. */
  async markActor(passage: string, actor: { pick?: string; create?: string; description?: string }): Promise<void> {
    await this.selectText(passage);
    await this.selectionToolbar.getByRole('button', { name: 'Actor' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Mark actor' });
    const combo = dialog.getByRole('combobox', { name: 'Actor' });
    if (actor.create) {
      await combo.fill(actor.create);
      await dialog.getByRole('option', { name: `Create new actor “${actor.create}”` }).click();
      if (actor.description) await dialog.getByLabel('Description').fill(actor.description);
    } else {
      await combo.fill(actor.pick!);
      await dialog.getByRole('option', { name: new RegExp(actor.pick!) }).first().click();
    }
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
  }

  /** Opens the claim form on `passage`; returns the dialog. */
  async startClaim(passage: string): Promise<Locator> {
    await this.selectText(passage);
    await this.selectionToolbar.getByRole('button', { name: 'Claim' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New claim' });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  async addTag(name: string): Promise<void> {
    const codebook = this.panel('Codebook');
    await codebook.getByRole('textbox', { name: 'New tag name' }).fill(name);
    await codebook.getByRole('button', { name: 'Add tag' }).click();
    await expect(codebook.getByRole('button', { name: new RegExp(name) })).toBeVisible();
  }

  /** Selects an annotation from the Annotations panel by its text. */
  async selectAnnotation(text: string | RegExp): Promise<void> {
    await this.panel('Annotations').getByRole('button', { name: text }).first().click();
    await expect(this.selectedAnnotation).toBeVisible();
  }
}
