const { format, addDays, differenceInCalendarDays, parseISO, formatISO } = require('date-fns');
const d = parseISO('2024-02-27T10:30:00Z');
print(formatISO(addDays(d, 3), { representation: 'date' }), differenceInCalendarDays(parseISO('2024-03-10'), parseISO('2024-02-27')));
print(format(parseISO('2024-01-05T00:00:00'), 'yyyy/MM/dd EEE'));
