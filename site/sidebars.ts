/** The labs, in the manifest's order: one page each, whose text is labs/NN-slug/README.md. */
import type { SidebarsConfig } from '@docusaurus/plugin-content-docs';
import { labs } from '@hotpath/workshop/manifest';

const sidebars: SidebarsConfig = {
  labs: labs.map((lab) => ({ type: 'doc' as const, id: `${lab.slug}/README`, label: `${String(lab.number).padStart(2, '0')} · ${lab.title.split(':')[0]}` })),
};

export default sidebars;
