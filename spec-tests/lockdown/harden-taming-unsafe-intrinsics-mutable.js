/*---
description: With __hardenTaming__ 'unsafe', the intrinsics are not actually frozen (documented SES behaviour).
---*/
lockdown({ __hardenTaming__: 'unsafe', reporting: 'none' });
Array.prototype.extra = 1;
assert.sameValue([].extra, 1);
delete Array.prototype.extra;
