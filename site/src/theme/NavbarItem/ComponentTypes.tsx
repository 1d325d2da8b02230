/** The navbar's item types: Docusaurus's own, and `custom-presenting`, the instructors' presenting-mode toggle. */
import ComponentTypes from '@theme-original/NavbarItem/ComponentTypes';
import PresentingToggle from '@site/src/components/PresentingToggle';

export default { ...ComponentTypes, 'custom-presenting': PresentingToggle };
