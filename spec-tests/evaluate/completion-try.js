/*---
description: Completion values of try/catch/finally statements.
---*/
const c = new Compartment();
assert.sameValue(c.evaluate('try { 1 } catch (e) { 2 }'), 1);
assert.sameValue(c.evaluate('try { throw 0 } catch (e) { 2 }'), 2);
assert.sameValue(c.evaluate('try { 1 } finally { 3 }'), 1);
assert.sameValue(c.evaluate('try { throw 0 } catch (e) { 2 } finally { 3 }'), 2);
