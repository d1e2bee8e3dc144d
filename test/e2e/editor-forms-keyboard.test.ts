/**
 * The editors' structured fields (councils, opening times, languages) in the real Strapi admin of
 * the demo, in Chromium, worked with the keyboard alone, as a kinship officer who cannot use a
 * mouse works them: adding a row takes focus into it, removing one leaves focus on the field (the
 * next row, or the button to add one), never on the page's body, where a keyboard user would start
 * again from the top of a long form.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentManager, group, OFFER, openAdmin, SERVICE, SLOW } from '../support/admin-forms';
import { startCms, type TestCms } from '../support/cms';
import { editorToken } from '../support/editor';

let cms: TestCms;
let browser: Browser;
let page: Page;
let problems: string[];

beforeAll(async () => {
  cms = await startCms({ admin: true });
  ({ browser, page, problems } = await openAdmin(cms.url, await editorToken(cms)));
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await cms?.stop();
});

/** What has focus: its role-ish tag and its accessible text ("button Add a council"), or "body". */
const focused = () =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return 'body';
    const label = element.getAttribute('aria-label') ?? (element.id ? document.querySelector(`label[for="${CSS.escape(element.id)}"]`)?.textContent : null) ?? element.textContent;
    return `${element.getAttribute('role') ?? element.localName} ${(label ?? '').trim()}`;
  });

/**
 * Presses Tab (with Shift: backwards) until focus is on `target`, as a keyboard user moves through
 * the form. Strapi's rich text editor keeps Tab for itself (it indents); Escape leaves it, as
 * docs/editors.md tells editors.
 */
async function tabTo(target: string, { backwards = false } = {}) {
  for (let presses = 0; presses < 250; presses++) {
    if ((await focused()) === target) return;
    if (await page.evaluate(() => (document.activeElement as HTMLElement | null)?.isContentEditable)) await page.keyboard.press('Escape');
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${target} (last: ${await focused()})`);
}

/**
 * Types `search` into the focused field a key at a time, as a person who watches it does: the next
 * key once the field shows the last. The councils' combobox completes what is typed inline ("C"
 * shows "Calderdale (E08000033)", the rest selected for the next key to replace) in two steps, the
 * text and then its selection; on a loaded machine a key that came between them was added after
 * the whole name (CI: the field held "Calderdale (E08000033)amd" and listed nothing).
 */
async function typeWatching(search: string) {
  for (let typed = 1; typed <= search.length; typed++) {
    await page.keyboard.type(search[typed - 1]);
    let last = '';
    for (let looks = 0; looks < 100; looks++) {
      await page.waitForTimeout(100);
      // What is typed, and anything completed after it selected; the same on two looks running.
      const now = await page.evaluate((typed) => {
        const field = document.activeElement as HTMLInputElement;
        return field.selectionStart === typed && field.selectionEnd === field.value.length ? `${field.value}|${field.selectionStart}` : 'moving';
      }, typed);
      if (now !== 'moving' && now === last) break;
      last = now;
    }
  }
}

/**
 * Types `search` into the focused combobox and chooses `name` with ArrowDown and Enter, as a
 * keyboard user does who watches the list: the list filters and re-renders a moment after each key
 * (and after each choice), and an ArrowDown pressed while it does can leave nothing highlighted,
 * so ArrowDown is pressed again until `name` is (Enter on nothing chooses nothing).
 */
async function choose(search: string, name: string) {
  const option = page.getByRole('option', { name, exact: true });
  for (let tries = 1; ; tries++) {
    await typeWatching(search);
    if (await option.waitFor({ timeout: SLOW / 4 }).then(() => true, () => false)) break;
    // Typed wrong all the same: clear the field and type again, as a user who sees the wrong text does.
    const typed = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value);
    if (tries === 3) throw new Error(`typing "${search}" never listed ${name} (the field holds ${JSON.stringify(typed)})`);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
  }
  const highlighted = page.locator('[role="option"][data-highlighted]');
  for (let presses = 0; presses < 20 && (await highlighted.allTextContents()).join() !== name; presses++) {
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(100);
  }
  expect(await highlighted.allTextContents(), `ArrowDown never reached ${name}`).toEqual([name]);
  await page.keyboard.press('Enter');
}

describe('the structured fields with the keyboard alone', { timeout: SLOW * 2 }, () => {
  it('councils: "Add a council" takes focus to the new council; removing one leaves focus on the field', async () => {
    const { edit, field } = contentManager(page);
    await edit(OFFER);
    const councils = field('councils');
    await tabTo('button Add a council');
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('combobox Find an English council');
    await choose('Camd', 'Camden (E09000007)');
    await expect.poll(() => group(councils, 'Council 1').getByRole('textbox', { name: 'GSS code' }).inputValue(), { timeout: 30_000 }).toBe('E09000007');
    await page.keyboard.press('Escape');

    await tabTo('button Add a council');
    await page.keyboard.press('Enter');
    expect(await councils.getByRole('group', { name: /^Council \d$/ }).count()).toBe(2);
    await tabTo('button Remove council 1', { backwards: true });
    await page.keyboard.press('Enter');
    // The council that was second is first now, and focus is in it.
    expect(await focused()).toBe('combobox Find an English council');
    expect(await group(councils, 'Council 1').getByRole('textbox', { name: 'GSS code' }).inputValue()).toBe('');
    await tabTo('button Remove council 1');
    await page.keyboard.press('Enter');
    expect(await councils.getByRole('group', { name: /^Council \d$/ }).count()).toBe(0);
    expect(await focused()).toBe('button Add a council');
  });

  it('opening times: "Add opening times" takes focus to the new row\'s days; removing one leaves focus on the field', async () => {
    const { edit, field } = contentManager(page);
    await edit(SERVICE);
    const opening = field('openingTimes');
    await tabTo('button Add opening times');
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('checkbox Monday');
    await page.keyboard.press('Space');
    expect(await group(opening, 'Opening time 1').textContent()).toContain('In words: Monday: 09:00 to 17:00.');

    await tabTo('button Remove opening time 1');
    await page.keyboard.press('Enter');
    expect(await opening.getByRole('group', { name: /^Opening time \d$/ }).count()).toBe(0);
    expect(await focused()).toBe('button Add opening times');
  });

  it('languages: removing a chosen language leaves focus on the field, not the page', async () => {
    const { edit, field } = contentManager(page);
    await edit(SERVICE);
    const languages = field('languages');
    for (const [search, name] of [['Pol', 'Polish'], ['Wel', 'Welsh']]) {
      await tabTo('combobox Add a language');
      await choose(search, name);
      await expect.poll(() => languages.getByRole('listitem').allTextContents(), { timeout: SLOW }).toContain(name);
      await page.keyboard.press('Escape');
    }
    expect(await languages.getByRole('listitem').allTextContents()).toEqual(['Polish', 'Welsh']);
    await tabTo('button Remove Polish', { backwards: true });
    await page.keyboard.press('Enter');
    expect(await languages.getByRole('listitem').allTextContents()).toEqual(['Welsh']);
    expect(await focused()).toBe('button Remove Welsh');
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('combobox Add a language');
  });

  it('raised no error in the page', () => {
    expect(problems).toEqual([]);
  });
});
