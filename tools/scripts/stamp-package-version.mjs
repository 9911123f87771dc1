import './finish-package-build.mjs';
