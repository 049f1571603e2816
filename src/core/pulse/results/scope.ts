/**
 * Who sees which groups. HR: the whole plant, every cell. A team leader: the groups they lead
 * (crews, lines or sites, from the directory or the roster), everything inside them (their crews'
 * lines split by employment type, say), and the org groups above them (their line, their site,
 * the plant); not groups that cut across the plant (a shift pattern, a tenure band). An employee:
 * the plant's figures. Scopes only choose among released figures: the release itself is checked
 * across everything HR can see, which holds everything any viewer can see, so leaders and HR
 * putting their figures together learn nothing the release checks did not allow.
 */
import { atomRespondent, CellKey, Filter, ORG_DIMENSIONS, parseCellKey, PLANT } from './cells';

export type Viewer =
  | { readonly role: 'hr' }
  | { readonly role: 'employee' }
  | { readonly role: 'leader'; readonly leads: readonly Filter[] };

/** Line → site and crew → line, as the round's atoms show them. */
export interface OrgTree {
  readonly siteOfLine: { readonly [line: string]: string };
  readonly lineOfCrew: { readonly [crew: string]: string };
}

export function orgTreeOf(atoms: readonly string[]): OrgTree {
  const siteOfLine: { [line: string]: string } = {};
  const lineOfCrew: { [crew: string]: string } = {};
  atoms.forEach((atom) => {
    const respondent = atomRespondent(atom);
    siteOfLine[respondent.line] = respondent.site;
    lineOfCrew[respondent.crew] = respondent.line;
  });
  return { siteOfLine, lineOfCrew };
}

function lookup(map: { readonly [key: string]: string }, key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
}

/** The org path of an org filter, widest first (`site`, `site/line`, `site/line/crew`). */
function pathOf(tree: OrgTree, filter: Filter): string[] | undefined {
  if (filter.dimension === 'site') {
    return [filter.value];
  }
  if (filter.dimension === 'line') {
    const site = lookup(tree.siteOfLine, filter.value);
    return site === undefined ? undefined : [site, filter.value];
  }
  if (filter.dimension === 'crew') {
    const line = lookup(tree.lineOfCrew, filter.value);
    const site = line === undefined ? undefined : lookup(tree.siteOfLine, line);
    return line === undefined || site === undefined ? undefined : [site, line, filter.value];
  }
  return undefined;
}

function startsWith(path: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= path.length && prefix.every((value, at) => path[at] === value);
}

/** Whether a viewer may see a cell (a key from `cells.ts`, or an "other" group's parent key). */
export function canSee(viewer: Viewer, tree: OrgTree, cell: CellKey): boolean {
  if (viewer.role === 'hr') {
    return true;
  }
  if (cell === PLANT) {
    return true;
  }
  if (viewer.role === 'employee') {
    return false;
  }
  const filters = parseCellKey(cell);
  if (!filters) {
    return false;
  }
  const org = filters.filter((filter) => ORG_DIMENSIONS.indexOf(filter.dimension) >= 0);
  if (org.length !== 1) {
    return false;
  }
  const path = pathOf(tree, org[0]);
  if (!path) {
    return false;
  }
  return viewer.leads.some((led) => {
    const ledPath = pathOf(tree, led);
    if (!ledPath) {
      return false;
    }
    // Inside a led group (any slice of it), or an org group above it (unsliced).
    return startsWith(path, ledPath) || (filters.length === 1 && startsWith(ledPath, path));
  });
}

/** Whether a viewer may see groups inside a cell (its "other" group): HR anywhere, a leader inside what they lead. */
export function canSeeInside(viewer: Viewer, tree: OrgTree, cell: CellKey): boolean {
  if (viewer.role !== 'leader') {
    return viewer.role === 'hr';
  }
  const filters = parseCellKey(cell);
  const org = (filters ?? []).filter((filter) => ORG_DIMENSIONS.indexOf(filter.dimension) >= 0);
  const path = org.length === 1 ? pathOf(tree, org[0]) : undefined;
  return (
    path !== undefined &&
    viewer.leads.some((led) => {
      const ledPath = pathOf(tree, led);
      return ledPath !== undefined && startsWith(path, ledPath);
    })
  );
}
