import * as React from 'react';
import { render } from '@testing-library/react';

import { Icon } from './Icon';

interface Settings {
  __globalSettings__?: { icons?: Record<string, unknown> };
}

describe('Icon', () => {
  const win = window as unknown as Settings;
  afterEach(() => {
    delete win.__globalSettings__;
  });

  it('draws the glyph the page registered, in its font, declaring the font once', () => {
    const subset = { fontFace: { fontFamily: '"FabricMDL2Icons-3"', src: "url('/fonts/fabric-icons-3.woff') format('woff')" }, isRegistered: false };
    win.__globalSettings__ = { icons: { __remapped: { trophy: 'medal' }, medal: { code: '\uEE38', subset }, flag: { code: '\uE7C1', subset } } };
    const { container } = render(
      <>
        <Icon iconName="Medal" className="mine" />
        <Icon iconName="Trophy" />
        <Icon iconName="Flag" />
      </>
    );
    const icons = Array.from(container.querySelectorAll('i'));
    expect(icons.map((i) => i.textContent)).toEqual(['\uEE38', '\uEE38', '\uE7C1']);
    expect(icons[0].getAttribute('aria-hidden')).toBe('true');
    expect(icons[0].className).toContain('mine');
    expect(icons[0].style.fontFamily).toBe('"FabricMDL2Icons-3"');
    const faces = Array.from(document.head.querySelectorAll('style')).filter((s) => (s.textContent ?? '').includes('FabricMDL2Icons-3'));
    expect(faces).toHaveLength(1);
    expect(faces[0].textContent).toContain("src:url('/fonts/fabric-icons-3.woff') format('woff')");
  });

  it('draws nothing for an icon the page does not know', () => {
    win.__globalSettings__ = { icons: {} };
    const { container } = render(<Icon iconName="NoSuchIcon" />);
    expect(container.querySelector('i')?.textContent).toBe('');
  });
});
