/*---
description: A single object owning only a hook key (resolveHook/importHook/modules/transforms) is treated as options, not endowments.
---*/
const hook = () => {};
for (const key of ['resolveHook', 'importHook', 'modules', 'transforms']) {
  const value = key === 'modules' ? {} : key === 'transforms' ? [] : hook;
  const c = new Compartment({ [key]: value });
  assert.sameValue(c.evaluate(`typeof ${key}`), 'undefined', `${key} should not become a global`);
}
