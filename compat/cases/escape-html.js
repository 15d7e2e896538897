const escapeHtml = require('escape-html');
print(escapeHtml('<script>alert("x") & \'y\'</script>'));
