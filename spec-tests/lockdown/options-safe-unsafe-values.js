/*---
description: lockdown accepts 'safe' and 'unsafe' for regExpTaming, localeTaming, consoleTaming, domainTaming and __hardenTaming__.
---*/
lockdown({ regExpTaming: 'unsafe', consoleTaming: 'unsafe', domainTaming: 'unsafe', reporting: 'none' });
for (const name of ['regExpTaming', 'localeTaming', 'consoleTaming', 'domainTaming', '__hardenTaming__']) {
  for (const value of ['safe', 'unsafe']) {
    let message = 'nothing thrown';
    try { lockdown({ [name]: value, reporting: 'none' }); } catch (e) { message = String(e.message); }
    assert(message.includes('SES_ALREADY_LOCKED_DOWN'), `${name} ${value}: ${message}`);
  }
}
