/**
 * Checking cards' Adaptive Card JSON with Microsoft's renderer (`adaptivecards`, the renderer
 * family SharePoint uses), as the cards' tests do: parse and validate, or render into the page.
 */
import * as AdaptiveCards from 'adaptivecards';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Hosts process Markdown (SharePoint does); without it the renderer sets innerText, which jsdom
 * does not implement. Plain text in, escaped text out. Call in `beforeAll`.
 */
export function renderMarkdownAsText(): void {
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = escapeHtml(text);
    result.didProcess = true;
  };
}

/** What the renderer says is wrong with the card: parse warnings and validation events. */
export function cardProblems(json: unknown): string[] {
  const card = new AdaptiveCards.AdaptiveCard();
  const context = new AdaptiveCards.SerializationContext();
  card.parse(json, context);
  const found: string[] = [];
  for (let i = 0; i < context.eventCount; i += 1) {
    found.push(context.getEventAt(i).message);
  }
  return found.concat(card.validateProperties().validationEvents.map((event) => event.message));
}

/** The card rendered and put in the page's body. */
export function renderedCard(json: unknown): HTMLElement {
  const card = new AdaptiveCards.AdaptiveCard();
  card.parse(json);
  const element = card.render();
  if (!element) {
    throw new Error('The card rendered nothing.');
  }
  document.body.appendChild(element);
  return element;
}
