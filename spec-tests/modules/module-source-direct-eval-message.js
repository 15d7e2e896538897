/*---
description: "The SyntaxError for a direct eval in a ModuleSource has a clean message: it explains the refusal and the indirect form without repeating the error name or carrying engine frame markers such as (native)."
---*/
let error;
try { new ModuleSource('export default eval("1");'); } catch (e) { error = e; }
assert.sameValue(error && error.constructor, SyntaxError);
assert(error.message.includes('direct eval'), error.message);
assert(!error.message.startsWith('SyntaxError'), `message repeats the error name: ${error.message}`);
assert(!error.message.includes('(native)'), `message carries a frame marker: ${error.message}`);
