import { LISTS } from '../schema/lists';

/** Titles of every list the product provisions, in registry order. */
export const PRODUCT_LIST_TITLES: readonly string[] = Object.values(LISTS).map((list) => list.title);
