// The empty extension: what activating any extension costs in this extension host.
'use strict';
exports.activate = () => {};
exports.deactivate = () => {};
