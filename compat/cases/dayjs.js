const dayjs = require('dayjs');
const d = dayjs('2024-02-27T10:30:00');
print(d.add(3, 'day').format('YYYY-MM-DD'), d.startOf('month').format('ddd D MMM'), d.isBefore(dayjs('2025-01-01')));
print(dayjs('2024-03-10').diff(dayjs('2024-02-27'), 'day'));
