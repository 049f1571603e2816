import { LIST_SECURITY } from './listSecurity';
import { PRODUCT_LIST_TITLES } from './productLists';

describe('product lists and their security rules', () => {
  it('has a security rule for every provisioned list and none for a list that does not exist', () => {
    expect([...PRODUCT_LIST_TITLES].sort()).toEqual(Object.keys(LIST_SECURITY).sort());
  });
});
