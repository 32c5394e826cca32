/*
 * inCust for Poster: the register app. Poster loads this one file into every register (web, Windows, Android, iOS)
 * and runs it next to its own screens; it reaches the checkout orchestrator through Poster.makeRequest, which signs
 * every request. Built from register-app/src by `node register-app/build.mjs`: change the sources, not this file.
 */
(function () {
'use strict';
var TEXTS_EN = {
menu: 'inCust: Choose customer',
openOrderFirst: 'Open an order first.',
attachFailed: 'The guest could not be attached to the order.',
orderChanged: 'The order changed: the redemption was undone. Pay again to redeem for the new order.',
returned: 'Returned {amount}: {back} points back to {guest}, {removed} earned points taken back',
returnGuest: 'the guest',
connected: 'Connected to the inCust terminal “{title}”.',
notBoundNotice: 'This register is not bound to inCust. Ask the owner to bind it in Poster: Applications → inCust.',
unreachable: 'The inCust service cannot be reached right now. The register works without inCust until it can.',
notBoundTitle: 'This register is not bound to inCust',
notBoundText: 'Ask the owner to bind it in Poster: Applications → inCust. Until then, work without inCust.',
continueWithout: 'Continue without inCust',
find: 'Find',
cancel: 'Cancel',
tryAgain: 'Try again',
save: 'Save',
skip: 'Skip',
continue: 'Continue',
payWithout: 'Pay without bonuses',
confirm: 'Confirm',
resend: 'Send a new code',
scan: 'Scan',
chooseTitle: 'inCust: Choose customer',
identifierLabel: 'Phone, email, QR or code',
identifierHint: '+380 50 123 45 67, name@example.com, QR or code',
identifierExample: '+380 50 123 45 67',
noPointsCoupon: 'No points to redeem on this check: use a coupon, or pay without bonuses.',
nothingToRedeem: 'Nothing to redeem on this check: no points and no coupons. Pay without bonuses; the guest still earns points.',
holdReleased: 'The redemption was cancelled: the points held for it are released. Choose again, or pay without bonuses.',
kindLabel: 'Kind',
kindAuto: 'As it looks',
kindPhone: 'Phone',
kindEmail: 'Email',
kindQr: 'QR code',
kindCode: 'Temporary code',
kindCard: 'Card number',
typeSomething: 'Type the guest\'s phone, email, QR or code.',
lookingUp: 'Looking for the guest in inCust…',
savingProfile: 'Saving the profile…',
askingRedeem: 'Asking inCust what {name} may redeem…',
reserving: 'Reserving in inCust…',
checkingCode: 'Checking the code…',
cancelling: 'Cancelling the redemption…',
asking: 'Asking inCust…',
unavailableTitle: 'inCust is not available',
cannotTake: 'inCust cannot take this checkout',
profileTitle: 'New guest: profile',
registered: 'inCust registered {who}. Fill what the guest tells you, or skip.',
theGuest: 'the guest',
name: 'Name',
gender: 'Gender',
female: 'Female',
male: 'Male',
birthDate: 'Birth date',
email: 'Email',
fixFields: 'Correct the marked fields.',
guest: 'Guest',
bonusPoints: 'Bonus points',
accounts: 'Accounts',
coupons: 'Coupons',
noCoupons: 'No coupons.',
redeemTitle: 'Redeem for {name}',
mayPay: 'May pay with points',
discount: 'Discount',
earns: 'Earns',
points: '{n} points',
bonusLabel: 'Bonus points to redeem (up to {max})',
guestPays: 'The guest pays',
calculating: 'inCust is calculating…',
notANumber: 'Type a number, such as 20 or 12.50.',
negative: 'Cannot be less than 0.',
tooMuch: 'At most {max} on this check.',
codeDigits: 'The code is 4 to 8 digits.',
codeTitle: 'Confirmation code',
codeSent: 'inCust sent a code to the guest\'s {channel}. Type the code the guest reads out.',
channelPhone: 'phone',
channelEmail: 'email',
codeLabel: 'Confirmation code',
attemptsLeft: 'Attempts left: {n}',
expiresIn: 'The code expires in ',
wrongCode: 'The code is not right. Ask the guest to check it.',
newCodeSent: 'A new code is on its way to the guest.',
expiredTitle: 'The code expired',
exhaustedTitle: 'No attempts left',
codeGone: 'The redemption was released. The guest can pay without bonuses, or you go on without inCust.',
receiptTitle: 'inCust loyalty',
receiptPaid: 'Paid with points: {points}',
receiptCoupon: 'Coupon discount: {discount}',
receiptEarned: 'Points earned: {earned}',
receiptBalance: 'Points balance: {balance}',
errorOffline: 'inCust cannot be reached right now (no connection, or no answer in time).',
errorUnavailable: 'inCust is not available right now.',
errorTimeout: 'inCust did not answer in time.',
errorService: 'The service is not available right now.',
errorInvalid: 'inCust cannot use what was typed.',
errorCustomer: 'inCust does not know this guest.',
errorNotBound: 'This register is not bound to inCust.',
errorSignature: 'Poster did not sign this request as expected: restart the register app.',
errorRedemption: 'inCust refused the redemption.',
errorRefused: 'inCust refused this.',
unknownStatus: 'inCust answered with a state this app does not know yet. Try again, or go on without inCust.'
};
var TEXTS_UA = {
menu: 'inCust: Обрати клієнта',
openOrderFirst: 'Спершу відкрийте замовлення.',
attachFailed: 'Не вдалося додати гостя до замовлення.',
orderChanged: 'Замовлення змінилося: списання скасовано. Натисніть «Оплатити» ще раз, щоб списати бонуси для нового замовлення.',
returned: 'Повернення {amount}: {guest} отримує назад {back} балів, знято {removed} нарахованих балів',
returnGuest: 'гість',
connected: 'Підключено до термінала inCust «{title}».',
notBoundNotice: 'Ця каса не прив’язана до inCust. Попросіть власника прив’язати її в Poster: Застосунки → inCust.',
unreachable: 'Сервіс inCust зараз недоступний. Каса працює без inCust, доки зв’язок не відновиться.',
notBoundTitle: 'Ця каса не прив’язана до inCust',
notBoundText: 'Попросіть власника прив’язати її в Poster: Застосунки → inCust. До того працюйте без inCust.',
continueWithout: 'Продовжити без inCust',
find: 'Знайти',
cancel: 'Скасувати',
tryAgain: 'Спробувати ще раз',
save: 'Зберегти',
skip: 'Пропустити',
continue: 'Продовжити',
payWithout: 'Оплатити без бонусів',
confirm: 'Підтвердити',
resend: 'Надіслати новий код',
scan: 'Сканувати',
chooseTitle: 'inCust: Обрати клієнта',
identifierLabel: 'Телефон, email, QR або код',
identifierHint: '+380 50 123 45 67, name@example.com, QR або код',
identifierExample: '+380 50 123 45 67',
noPointsCoupon: 'На цьому чеку немає балів до списання: використайте купон або оплатіть без бонусів.',
nothingToRedeem: 'На цьому чеку нічого списати: немає ні балів, ні купонів. Оплатіть без бонусів — бали гостю все одно нарахуються.',
holdReleased: 'Списання скасовано: зарезервовані бали повернуто гостю. Оберіть знову або оплатіть без бонусів.',
kindLabel: 'Тип',
kindAuto: 'За виглядом',
kindPhone: 'Телефон',
kindEmail: 'Email',
kindQr: 'QR-код',
kindCode: 'Тимчасовий код',
kindCard: 'Номер картки',
typeSomething: 'Введіть телефон, email, QR або код гостя.',
lookingUp: 'Шукаємо гостя в inCust…',
savingProfile: 'Зберігаємо профіль…',
askingRedeem: 'Питаємо inCust, що може списати {name}…',
reserving: 'Резервуємо в inCust…',
checkingCode: 'Перевіряємо код…',
cancelling: 'Скасовуємо списання…',
asking: 'Питаємо inCust…',
unavailableTitle: 'inCust недоступний',
cannotTake: 'inCust не може прийняти цей чек',
profileTitle: 'Новий гість: профіль',
registered: 'inCust зареєстрував {who}. Заповніть те, що скаже гість, або пропустіть.',
theGuest: 'гостя',
name: 'Ім’я',
gender: 'Стать',
female: 'Жіноча',
male: 'Чоловіча',
birthDate: 'Дата народження',
email: 'Email',
fixFields: 'Виправте позначені поля.',
guest: 'Гість',
bonusPoints: 'Бонусні бали',
accounts: 'Рахунки',
coupons: 'Купони',
noCoupons: 'Купонів немає.',
redeemTitle: 'Списання для: {name}',
mayPay: 'Можна оплатити балами',
discount: 'Знижка',
earns: 'Нарахується',
points: '{n} балів',
bonusLabel: 'Бали до списання (до {max})',
guestPays: 'Гість сплачує',
calculating: 'inCust рахує…',
notANumber: 'Введіть число, наприклад 20 або 12,50.',
negative: 'Не може бути менше 0.',
tooMuch: 'Не більше {max} на цей чек.',
codeDigits: 'Код має від 4 до 8 цифр.',
codeTitle: 'Код підтвердження',
codeSent: 'inCust надіслав код на {channel} гостя. Введіть код, який назве гість.',
channelPhone: 'телефон',
channelEmail: 'email',
codeLabel: 'Код підтвердження',
attemptsLeft: 'Залишилось спроб: {n}',
expiresIn: 'Код дійсний ще ',
wrongCode: 'Код неправильний. Попросіть гостя перевірити його.',
newCodeSent: 'Новий код уже надіслано гостю.',
expiredTitle: 'Термін дії коду минув',
exhaustedTitle: 'Спроби вичерпано',
codeGone: 'Резерв знято. Гість може оплатити без бонусів, або продовжуйте без inCust.',
receiptTitle: 'Лояльність inCust',
receiptPaid: 'Оплачено балами: {points}',
receiptCoupon: 'Знижка за купоном: {discount}',
receiptEarned: 'Нараховано балів: {earned}',
receiptBalance: 'Баланс балів: {balance}',
errorOffline: 'Немає зв’язку з inCust (немає мережі або відповіді вчасно).',
errorUnavailable: 'inCust зараз недоступний.',
errorTimeout: 'inCust не відповів вчасно.',
errorService: 'Сервіс зараз недоступний.',
errorInvalid: 'inCust не може використати введене.',
errorCustomer: 'inCust не знає цього гостя.',
errorNotBound: 'Ця каса не прив’язана до inCust.',
errorSignature: 'Poster підписав цей запит не так, як очікувалось: перезапустіть застосунок каси.',
errorRedemption: 'inCust відмовив у списанні.',
errorRefused: 'inCust відмовив.',
unknownStatus: 'inCust відповів станом, якого цей застосунок ще не знає. Спробуйте ще раз або продовжуйте без inCust.'
};
var TEXTS_RU = {
menu: 'inCust: Выбрать клиента',
openOrderFirst: 'Сначала откройте заказ.',
attachFailed: 'Не удалось добавить гостя к заказу.',
orderChanged: 'Заказ изменился: списание отменено. Нажмите «Оплатить» ещё раз, чтобы списать бонусы для нового заказа.',
returned: 'Возврат {amount}: {guest} получает обратно {back} баллов, снято {removed} начисленных баллов',
returnGuest: 'гость',
connected: 'Подключено к терминалу inCust «{title}».',
notBoundNotice: 'Эта касса не привязана к inCust. Попросите владельца привязать её в Poster: Приложения → inCust.',
unreachable: 'Сервис inCust сейчас недоступен. Касса работает без inCust, пока связь не восстановится.',
notBoundTitle: 'Эта касса не привязана к inCust',
notBoundText: 'Попросите владельца привязать её в Poster: Приложения → inCust. До тех пор работайте без inCust.',
continueWithout: 'Продолжить без inCust',
find: 'Найти',
cancel: 'Отмена',
tryAgain: 'Попробовать ещё раз',
save: 'Сохранить',
skip: 'Пропустить',
continue: 'Продолжить',
payWithout: 'Оплатить без бонусов',
confirm: 'Подтвердить',
resend: 'Отправить новый код',
scan: 'Сканировать',
chooseTitle: 'inCust: Выбрать клиента',
identifierLabel: 'Телефон, email, QR или код',
identifierHint: '+380 50 123 45 67, name@example.com, QR или код',
identifierExample: '+380 50 123 45 67',
noPointsCoupon: 'На этом чеке нет баллов к списанию: используйте купон или оплатите без бонусов.',
nothingToRedeem: 'На этом чеке нечего списать: нет ни баллов, ни купонов. Оплатите без бонусов — баллы гостю всё равно начислятся.',
holdReleased: 'Списание отменено: зарезервированные баллы возвращены гостю. Выберите снова или оплатите без бонусов.',
kindLabel: 'Тип',
kindAuto: 'По виду',
kindPhone: 'Телефон',
kindEmail: 'Email',
kindQr: 'QR-код',
kindCode: 'Временный код',
kindCard: 'Номер карты',
typeSomething: 'Введите телефон, email, QR или код гостя.',
lookingUp: 'Ищем гостя в inCust…',
savingProfile: 'Сохраняем профиль…',
askingRedeem: 'Спрашиваем inCust, что может списать {name}…',
reserving: 'Резервируем в inCust…',
checkingCode: 'Проверяем код…',
cancelling: 'Отменяем списание…',
asking: 'Спрашиваем inCust…',
unavailableTitle: 'inCust недоступен',
cannotTake: 'inCust не может принять этот чек',
profileTitle: 'Новый гость: профиль',
registered: 'inCust зарегистрировал {who}. Заполните то, что скажет гость, или пропустите.',
theGuest: 'гостя',
name: 'Имя',
gender: 'Пол',
female: 'Женский',
male: 'Мужской',
birthDate: 'Дата рождения',
email: 'Email',
fixFields: 'Исправьте отмеченные поля.',
guest: 'Гость',
bonusPoints: 'Бонусные баллы',
accounts: 'Счета',
coupons: 'Купоны',
noCoupons: 'Купонов нет.',
redeemTitle: 'Списание для: {name}',
mayPay: 'Можно оплатить баллами',
discount: 'Скидка',
earns: 'Начислится',
points: '{n} баллов',
bonusLabel: 'Баллы к списанию (до {max})',
guestPays: 'Гость платит',
calculating: 'inCust считает…',
notANumber: 'Введите число, например 20 или 12,50.',
negative: 'Не может быть меньше 0.',
tooMuch: 'Не больше {max} на этот чек.',
codeDigits: 'Код состоит из 4–8 цифр.',
codeTitle: 'Код подтверждения',
codeSent: 'inCust отправил код на {channel} гостя. Введите код, который назовёт гость.',
channelPhone: 'телефон',
channelEmail: 'email',
codeLabel: 'Код подтверждения',
attemptsLeft: 'Осталось попыток: {n}',
expiresIn: 'Код действует ещё ',
wrongCode: 'Код неверный. Попросите гостя проверить его.',
newCodeSent: 'Новый код уже отправлен гостю.',
expiredTitle: 'Срок действия кода истёк',
exhaustedTitle: 'Попытки исчерпаны',
codeGone: 'Резерв снят. Гость может оплатить без бонусов, или продолжайте без inCust.',
receiptTitle: 'Лояльность inCust',
receiptPaid: 'Оплачено баллами: {points}',
receiptCoupon: 'Скидка по купону: {discount}',
receiptEarned: 'Начислено баллов: {earned}',
receiptBalance: 'Баланс баллов: {balance}',
errorOffline: 'Нет связи с inCust (нет сети или ответа вовремя).',
errorUnavailable: 'inCust сейчас недоступен.',
errorTimeout: 'inCust не ответил вовремя.',
errorService: 'Сервис сейчас недоступен.',
errorInvalid: 'inCust не может использовать введённое.',
errorCustomer: 'inCust не знает этого гостя.',
errorNotBound: 'Эта касса не привязана к inCust.',
errorSignature: 'Poster подписал этот запрос не так, как ожидалось: перезапустите приложение кассы.',
errorRedemption: 'inCust отказал в списании.',
errorRefused: 'inCust отказал.',
unknownStatus: 'inCust ответил состоянием, которого это приложение ещё не знает. Попробуйте ещё раз или продолжайте без inCust.'
};
var TEXTS_PL = {
menu: 'inCust: Wybierz klienta',
openOrderFirst: 'Najpierw otwórz zamówienie.',
attachFailed: 'Nie udało się dodać gościa do zamówienia.',
orderChanged: 'Zamówienie się zmieniło: wykorzystanie punktów cofnięto. Naciśnij „Zapłać” jeszcze raz, aby wykorzystać punkty w nowym zamówieniu.',
returned: 'Zwrot {amount}: {guest} odzyskuje {back} pkt, odjęto {removed} pkt naliczonych',
returnGuest: 'gość',
connected: 'Połączono z terminalem inCust „{title}”.',
notBoundNotice: 'Ta kasa nie jest powiązana z inCust. Poproś właściciela o powiązanie jej w Poster: Aplikacje → inCust.',
unreachable: 'Usługa inCust jest teraz niedostępna. Kasa działa bez inCust, dopóki połączenie nie wróci.',
notBoundTitle: 'Ta kasa nie jest powiązana z inCust',
notBoundText: 'Poproś właściciela o powiązanie jej w Poster: Aplikacje → inCust. Do tego czasu pracuj bez inCust.',
continueWithout: 'Kontynuuj bez inCust',
find: 'Szukaj',
cancel: 'Anuluj',
tryAgain: 'Spróbuj ponownie',
save: 'Zapisz',
skip: 'Pomiń',
continue: 'Dalej',
payWithout: 'Zapłać bez punktów',
confirm: 'Potwierdź',
resend: 'Wyślij nowy kod',
scan: 'Skanuj',
chooseTitle: 'inCust: Wybierz klienta',
identifierLabel: 'Telefon, e-mail, QR lub kod',
identifierHint: '+48 500 123 456, name@example.com, QR lub kod',
identifierExample: '+48 500 123 456',
noPointsCoupon: 'Na tym rachunku nie ma punktów do wykorzystania: użyj kuponu albo zapłać bez punktów.',
nothingToRedeem: 'Na tym rachunku nie ma czego wykorzystać: brak punktów i kuponów. Zapłać bez punktów; gość i tak otrzyma punkty.',
holdReleased: 'Wykorzystanie anulowano: zarezerwowane punkty wróciły do gościa. Wybierz ponownie albo zapłać bez punktów.',
kindLabel: 'Rodzaj',
kindAuto: 'Po wyglądzie',
kindPhone: 'Telefon',
kindEmail: 'E-mail',
kindQr: 'Kod QR',
kindCode: 'Kod jednorazowy',
kindCard: 'Numer karty',
typeSomething: 'Wpisz telefon, e-mail, QR lub kod gościa.',
lookingUp: 'Szukamy gościa w inCust…',
savingProfile: 'Zapisujemy profil…',
askingRedeem: 'Pytamy inCust, co może wykorzystać {name}…',
reserving: 'Rezerwujemy w inCust…',
checkingCode: 'Sprawdzamy kod…',
cancelling: 'Cofamy wykorzystanie punktów…',
asking: 'Pytamy inCust…',
unavailableTitle: 'inCust jest niedostępny',
cannotTake: 'inCust nie może przyjąć tego rachunku',
profileTitle: 'Nowy gość: profil',
registered: 'inCust zarejestrował {who}. Uzupełnij to, co poda gość, albo pomiń.',
theGuest: 'gościa',
name: 'Imię',
gender: 'Płeć',
female: 'Kobieta',
male: 'Mężczyzna',
birthDate: 'Data urodzenia',
email: 'E-mail',
fixFields: 'Popraw zaznaczone pola.',
guest: 'Gość',
bonusPoints: 'Punkty',
accounts: 'Konta',
coupons: 'Kupony',
noCoupons: 'Brak kuponów.',
redeemTitle: 'Wykorzystanie dla: {name}',
mayPay: 'Można zapłacić punktami',
discount: 'Rabat',
earns: 'Naliczy się',
points: '{n} pkt',
bonusLabel: 'Punkty do wykorzystania (do {max})',
guestPays: 'Gość płaci',
calculating: 'inCust liczy…',
notANumber: 'Wpisz liczbę, np. 20 albo 12,50.',
negative: 'Nie może być mniej niż 0.',
tooMuch: 'Najwyżej {max} na tym rachunku.',
codeDigits: 'Kod ma od 4 do 8 cyfr.',
codeTitle: 'Kod potwierdzenia',
codeSent: 'inCust wysłał kod na {channel} gościa. Wpisz kod, który poda gość.',
channelPhone: 'telefon',
channelEmail: 'e-mail',
codeLabel: 'Kod potwierdzenia',
attemptsLeft: 'Pozostało prób: {n}',
expiresIn: 'Kod wygaśnie za ',
wrongCode: 'Kod jest nieprawidłowy. Poproś gościa, aby go sprawdził.',
newCodeSent: 'Nowy kod jest już w drodze do gościa.',
expiredTitle: 'Kod wygasł',
exhaustedTitle: 'Wykorzystano wszystkie próby',
codeGone: 'Rezerwację zwolniono. Gość może zapłacić bez punktów albo kontynuuj bez inCust.',
receiptTitle: 'Program lojalnościowy inCust',
receiptPaid: 'Zapłacono punktami: {points}',
receiptCoupon: 'Rabat z kuponu: {discount}',
receiptEarned: 'Naliczono punktów: {earned}',
receiptBalance: 'Saldo punktów: {balance}',
errorOffline: 'Brak połączenia z inCust (brak sieci lub odpowiedzi na czas).',
errorUnavailable: 'inCust jest teraz niedostępny.',
errorTimeout: 'inCust nie odpowiedział na czas.',
errorService: 'Usługa jest teraz niedostępna.',
errorInvalid: 'inCust nie może użyć tego, co wpisano.',
errorCustomer: 'inCust nie zna tego gościa.',
errorNotBound: 'Ta kasa nie jest powiązana z inCust.',
errorSignature: 'Poster podpisał to żądanie inaczej, niż oczekiwano: uruchom ponownie aplikację kasy.',
errorRedemption: 'inCust odmówił wykorzystania punktów.',
errorRefused: 'inCust odmówił.',
unknownStatus: 'inCust odpowiedział stanem, którego ta aplikacja jeszcze nie zna. Spróbuj ponownie albo kontynuuj bez inCust.'
};
const LANGUAGES = ['en', 'ua', 'ru', 'pl'];
const TEXTS = { en: TEXTS_EN, ua: TEXTS_UA, ru: TEXTS_RU, pl: TEXTS_PL };
function languageOf(settings) {
var lang = settings && settings.lang ? String(settings.lang).toLowerCase() : 'en';
if (lang === 'uk') {
lang = 'ua';
}
return LANGUAGES.indexOf(lang) >= 0 ? lang : 'en';
}
function translator(lang) {
var texts = TEXTS[lang] || TEXTS.en;
return function (key, params) {
var text = texts[key] !== undefined ? texts[key] : TEXTS.en[key];
if (text === undefined) {
return key;
}
return text.replace(/\{(\w+)\}/g, function (whole, name) {
return params && params[name] !== undefined ? String(params[name]) : whole;
});
};
}
var PROBLEM_TEXTS = {
'invalid-request': 'errorInvalid',
'customer-not-found': 'errorCustomer',
'not-bound': 'errorNotBound',
'bad-signature': 'errorSignature',
'redemption-rejected': 'errorRedemption',
'wrong-code': 'wrongCode',
'confirmation-expired': 'expiredTitle',
'upstream-unavailable': 'errorUnavailable',
'upstream-timeout': 'errorTimeout',
'database-unavailable': 'errorService',
'incust-refused': 'errorRefused'
};
function problemText(t, answer) {
if (answer.code === 0) {
return t('errorOffline');
}
var key = PROBLEM_TEXTS[answer.slug] || (answer.code >= 500 ? 'errorUnavailable' : 'errorRefused');
var detail = answer.data && answer.data.detail;
return detail ? t(key) + ' ' + detail : t(key);
}
var COMMA_LANGUAGES = ['ua', 'ru', 'pl'];
function amount(value) {
return Math.round(Number(value || 0) * 100) / 100;
}
function moneyText(value, lang) {
var text = amount(value).toFixed(2);
return COMMA_LANGUAGES.indexOf(lang) >= 0 ? text.replace('.', ',') : text;
}
function countText(value, lang) {
var text = String(Math.round(Number(value || 0) * 1000) / 1000);
return COMMA_LANGUAGES.indexOf(lang) >= 0 ? text.replace('.', ',') : text;
}
function readPoints(text, max) {
var typed = String(text === undefined || text === null ? '' : text).replace(/\s/g, '').replace(',', '.');
if (typed === '') {
return { value: 0 };
}
if (!/^[-\u2212]?\d+(\.\d+)?$/.test(typed)) {
return { error: 'notANumber' };
}
var value = Number(typed.replace('\u2212', '-'));
if (value < 0) {
return { error: 'negative' };
}
if (!/^\d+(\.\d{1,2})?$/.test(typed)) {
return { error: 'notANumber' };
}
if (value > Number(max || 0)) {
return { error: 'tooMuch' };
}
return { value: amount(value) };
}
function countdown(untilMillis, nowMillis) {
var seconds = Math.max(0, Math.round((untilMillis - nowMillis) / 1000));
return Math.floor(seconds / 60) + ':' + String(seconds % 60).padStart(2, '0');
}
var IDENTIFIER_KINDS = ['auto', 'PHONE', 'EMAIL', 'QR', 'TEMPORARY_CODE', 'CARD'];
function identifierOf(value, kind) {
var text = String(value || '').trim();
if (kind && kind !== 'auto') {
return { type: kind, value: text };
}
var digits = text.replace(/[^\d]/g, '');
if (text.indexOf('@') > 0) {
return { type: 'EMAIL', value: text };
}
if (/^\+?[\d\s().-]+$/.test(text) && digits.length >= 9) {
return { type: 'PHONE', value: text };
}
if (/^\d{4,8}$/.test(text)) {
return { type: 'TEMPORARY_CODE', value: text };
}
return { type: 'QR', value: text };
}
function accountBalanceText(account, lang) {
return account && (account.type === 'goods' || account.type === 'achievements')
? countText(account.balance, lang) : moneyText(account ? account.balance : 0, lang);
}
function receiptText(t, lang, figures) {
var lines = [t('receiptTitle')];
if (Number(figures.points) > 0) {
lines.push(t('receiptPaid', { points: moneyText(figures.points, lang) }));
}
if (Number(figures.discount) > 0) {
lines.push(t('receiptCoupon', { discount: moneyText(figures.discount, lang) }));
}
if (figures.earned !== undefined && figures.earned !== null) {
lines.push(t('receiptEarned', { earned: moneyText(figures.earned, lang) }));
}
if (figures.balance !== undefined && figures.balance !== null) {
lines.push(t('receiptBalance', { balance: moneyText(figures.balance, lang) }));
}
return lines.join('\n');
}
function balanceAfter(before, redeemed, earned) {
if (before === undefined || before === null || earned === undefined || earned === null) {
return null;
}
return Number(before) - Number(redeemed || 0) + Number(earned);
}
function endOfCodeTitle(confirmation, nowMillis) {
var expired = confirmation && confirmation.expiresAt && Date.parse(confirmation.expiresAt) <= nowMillis;
var lastTry = confirmation && confirmation.attemptsLeft !== undefined && confirmation.attemptsLeft !== null
&& Number(confirmation.attemptsLeft) <= 1;
return lastTry && !expired ? 'exhaustedTitle' : 'expiredTitle';
}
function fieldOf(path) {
var name = String(path || '');
return name.indexOf('identifier') === 0 ? 'identifier' : name.split('.')[0];
}
var CHECKOUT_STATUSES = ['AWAITING_REDEMPTION', 'AWAITING_CONFIRMATION', 'AWAITING_ORDER_CLOSE', 'FINALIZING',
'COMPLETED', 'CANCELLED', 'EXPIRED', 'REVERSING', 'REVERSED'];
var UNKNOWN_STATUS_ASKS = 3;
var UNKNOWN_STATUS_WAIT_MS = 1000;
function stepOf(status, askedAlready) {
switch (status) {
case 'AWAITING_REDEMPTION': return { step: 'redeem' };
case 'AWAITING_CONFIRMATION': return { step: 'code' };
case 'AWAITING_ORDER_CLOSE': return { step: 'apply' };
case 'CANCELLED': case 'EXPIRED': return { step: 'again' };
case 'FINALIZING': case 'COMPLETED': case 'REVERSING': case 'REVERSED': return { step: 'done' };
default:
return (askedAlready || 0) < UNKNOWN_STATUS_ASKS ? { step: 'ask', wait: UNKNOWN_STATUS_WAIT_MS }
: { step: 'unknown' };
}
}
var STORE_PREFIX = 'incust.';
var ORDER_STATE_HOURS = 12;
var store = {
get: function (key) {
try {
return JSON.parse(localStorage.getItem(STORE_PREFIX + key));
} catch (unreadable) {
return null;
}
},
set: function (key, value) {
localStorage.setItem(STORE_PREFIX + key, JSON.stringify(value));
},
remove: function (key) {
localStorage.removeItem(STORE_PREFIX + key);
}
};
function orderState(orderId) {
return store.get('order.' + orderId) || { attempt: 1, guest: null, checkout: null, savedAt: Date.now() };
}
function saveOrderState(orderId, state) {
state.savedAt = Date.now();
store.set('order.' + orderId, state);
}
function forgetOrder(orderId) {
store.remove('order.' + orderId);
}
function forgetOldOrders() {
var oldest = Date.now() - ORDER_STATE_HOURS * 3600 * 1000;
for (var i = localStorage.length - 1; i >= 0; i--) {
var key = localStorage.key(i);
if (key && key.indexOf(STORE_PREFIX + 'order.') === 0) {
var state = store.get(key.substring(STORE_PREFIX.length));
if (!state || !state.savedAt || state.savedAt < oldest) {
localStorage.removeItem(key);
}
}
}
}
function storedGuest(session) {
var customer = (session && session.customer) || {};
return { sessionId: session.sessionId, customerId: customer.id || null,
posterClientId: customer.posterClientId || null };
}
var REQUEST_TIMEOUT_MS = 8000;
function extras() {
return (Poster.settings && Poster.settings.spotTabletExtras) || {};
}
function serviceUrl() {
return extras().incust_api_url || null;
}
function signedUrl(path) {
var register = extras().incust_register;
var url = serviceUrl() + path;
return register ? url + (url.indexOf('?') < 0 ? '?' : '&') + 'register=' + encodeURIComponent(register) : url;
}
function call(method, path, body, headers) {
return new Promise(function (resolve) {
var done = false;
function finish(answer) {
if (done) {
return;
}
done = true;
clearTimeout(guard);
resolve(interpret(answer));
}
var guard = setTimeout(function () {
finish({ code: 0, result: false });
}, REQUEST_TIMEOUT_MS + 2000);
var options = {
method: method,
headers: ['Content-Type: application/json', 'Accept: application/json'].concat(headers || []),
timeout: REQUEST_TIMEOUT_MS
};
if (body !== undefined) {
options.data = body;
}
try {
Poster.makeRequest(signedUrl(path), options, finish);
} catch (failed) {
finish({ code: 0, result: false });
}
});
}
function interpret(answer) {
answer = answer || {};
var code = Number(answer.code !== undefined ? answer.code : answer.status) || 0;
var data = answer.result;
if (typeof data === 'string') {
try {
data = JSON.parse(data);
} catch (notJson) {
data = null;
}
}
return { ok: code >= 200 && code < 300, code: code, data: data || {}, slug: slugOf(data) };
}
function slugOf(problem) {
var type = problem && problem.type ? String(problem.type) : '';
return type.substring(type.lastIndexOf('/') + 1);
}
var OUTBOX_FIRST_WAIT_MS = 5000;
var OUTBOX_LONGEST_WAIT_MS = 5 * 60 * 1000;
var flushing = false;
var followUps = {};
function enqueue(path, body, options) {
var outbox = store.get('outbox') || [];
outbox.push({ path: path, body: body, headers: (options && options.headers) || [], kind: (options && options.kind)
|| null, clientId: (options && options.clientId) || null, tries: 0, due: 0 });
store.set('outbox', outbox);
flushOutbox();
}
function onAnswer(kind, followUp) {
followUps[kind] = followUp;
}
function flushOutbox() {
if (flushing || !serviceUrl()) {
return Promise.resolve();
}
flushing = true;
var outbox = store.get('outbox') || [];
var now = Date.now();
var sending = outbox.filter(function (message) {
return message.due <= now;
});
return sending.reduce(function (previous, message) {
return previous.then(function () {
return call('post', message.path, message.body, message.headers).then(function (answer) {
var current = store.get('outbox') || [];
var index = indexOfMessage(current, message);
if (index < 0) {
return;
}
if (answer.code === 0 || answer.code >= 500) {
current[index].tries += 1;
current[index].due = Date.now() + nextWait(current[index].tries);
} else {
current.splice(index, 1);
if (message.kind && followUps[message.kind]) {
followUps[message.kind](answer, message);
}
}
store.set('outbox', current);
});
});
}, Promise.resolve()).then(function () {
flushing = false;
}, function () {
flushing = false;
});
}
function nextWait(tries) {
return Math.min(OUTBOX_FIRST_WAIT_MS * Math.pow(2, tries - 1), OUTBOX_LONGEST_WAIT_MS);
}
function indexOfMessage(outbox, message) {
for (var i = 0; i < outbox.length; i++) {
if (outbox[i].path === message.path && JSON.stringify(outbox[i].body) === JSON.stringify(message.body)
&& JSON.stringify(outbox[i].headers || []) === JSON.stringify(message.headers || [])) {
return i;
}
}
return -1;
}
var FOLLOW_UPS = 15;
var FOLLOW_UP_MS = 1000;
function reportedProducts(products) {
return (products || []).filter(function (product) {
return product && product.product_id !== undefined && Number(product.count) > 0;
}).map(function (product) {
var modification = product.modification_id;
return {
productId: String(product.product_id),
modificationId: modification && String(modification) !== '0' ? String(modification) : null,
count: Number(product.count)
};
});
}
function returnReport(event, now) {
var order = event && event.order;
var receipt = order && order.orderName && /^\d+$/.test(String(order.orderName)) ? String(order.orderName) : null;
var products = reportedProducts(event && event.products);
if (!receipt || !products.length) {
return null;
}
return {
key: 'return-' + receipt + '-' + now,
body: { transactionId: receipt, orderId: order.id === undefined ? null : String(order.id), products: products }
};
}
function returnedText(t, lang, applied, guestName) {
return t('returned', {
amount: moneyText(applied.amount, lang),
back: moneyText(applied.bonusPointsReturned, lang),
removed: moneyText(applied.bonusPointsRemoved, lang),
guest: guestName || t('returnGuest')
});
}
function startReturns(t, lang, tell) {
onAnswer('return', function (answer, message) {
if (answer.code === 202 && answer.data && answer.data.returnId) {
follow(answer.data.returnId, message.clientId, FOLLOW_UPS);
}
});
function follow(returnId, clientId, left) {
call('get', '/returns/' + encodeURIComponent(returnId)).then(function (answer) {
if (answer.ok && answer.data.status === 'RETURNED') {
guestOf(clientId).then(function (guestName) {
tell(returnedText(t, lang, answer.data, guestName));
});
} else if (left > 1 && (answer.ok || answer.code === 0 || answer.code >= 500)) {
setTimeout(function () {
follow(returnId, clientId, left - 1);
}, FOLLOW_UP_MS);
}
});
}
Poster.on('returnFiscal', function (event) {
var report = returnReport(event, Date.now());
if (report) {
enqueue('/returns', report.body, { headers: ['Idempotency-Key: ' + report.key], kind: 'return',
clientId: Number(event.order.clientId) || null });
}
});
}
function guestOf(clientId) {
if (!clientId) {
return Promise.resolve(null);
}
return Promise.resolve().then(function () {
return Poster.clients.get(clientId);
}).then(function (client) {
if (!client) {
return null;
}
var name = [client.firstname, client.lastname].filter(Boolean).join(' ').trim();
return name || client.client_name || client.name || null;
}, function () {
return null;
});
}
var POPUP_WIDTH = 560;
var CSS = [
'#app-container{font:15px/1.4 -apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1d2b36;padding:14px;box-sizing:border-box;max-width:100%;overflow-wrap:anywhere}',
'.ic,.ic *{box-sizing:border-box;max-width:100%}',
'.ic h2{font-size:18px;margin:0 0 12px}',
'.ic label{display:block;margin:10px 0 4px;font-weight:600}',
'.ic input,.ic select{width:100%;padding:9px 10px;font-size:16px;border:1px solid #b8c4ce;border-radius:6px}',
'.ic input[aria-invalid=true]{border-color:#b3261e;background:#fff6f5}',
'.ic .row{display:flex;gap:8px;align-items:center}',
'.ic .row input{flex:1;min-width:0}',
'.ic .actions{display:flex;flex-wrap:wrap;gap:8px;margin-top:16px}',
'.ic button{padding:10px 16px;font-size:15px;border-radius:6px;border:1px solid #9aa9b5;background:#fff;cursor:pointer}',
'.ic button.primary{background:#1f8a4c;border-color:#1f8a4c;color:#fff}',
'.ic button.quiet{border-color:transparent;color:#52606d;text-decoration:underline}',
'.ic button:disabled{opacity:.5;cursor:default}',
'.ic .error{color:#b3261e;margin:10px 0 0}',
'.ic .field-error{color:#b3261e;margin:4px 0 0;font-size:14px}',
'.ic .note{color:#52606d;margin:10px 0 0}',
'.ic .figure{font-size:22px;font-weight:700}',
'.ic table{width:100%;border-collapse:collapse;margin-top:6px}',
'.ic td{padding:4px 0;border-bottom:1px solid #e4e9ee}',
'.ic td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap;padding-left:8px}',
'.ic .coupon{display:flex;gap:8px;align-items:center;margin:4px 0;font-weight:400}',
'.ic .coupon input{width:auto}',
'.ic .busy{color:#52606d;margin:16px 0}',
'.ic .calculating,.ic .field-error{min-height:1.4em}'
].join('\n');
var ticking = null;
function el(tag, attributes) {
var node = document.createElement(tag);
var children = Array.prototype.slice.call(arguments, 2);
Object.keys(attributes || {}).forEach(function (name) {
var value = attributes[name];
if (name.indexOf('on') === 0) {
node[name] = value;
} else if (value !== null && value !== undefined && value !== false) {
node.setAttribute(name, value === true ? '' : value);
}
});
children.forEach(function (child) {
if (child === null || child === undefined || child === false) {
return;
}
node.appendChild(typeof child === 'string' || typeof child === 'number'
? document.createTextNode(String(child)) : child);
});
return node;
}
function button(label, onclick, kind) {
return el('button', { type: 'button', 'class': kind || '', onclick: onclick }, label);
}
function submit(label) {
return el('button', { type: 'submit', 'class': 'primary' }, label);
}
function field(id, label, input) {
input.id = id;
input.setAttribute('aria-describedby', id + '-error');
return [el('label', { 'for': id }, label), input, el('p', { 'class': 'field-error', id: id + '-error' })];
}
function markField(input, reason) {
if (!input) {
return;
}
var message = document.getElementById(input.id + '-error');
if (reason) {
input.setAttribute('aria-invalid', 'true');
} else {
input.removeAttribute('aria-invalid');
}
if (message) {
message.textContent = reason || '';
}
}
function stopTicking() {
if (ticking) {
clearInterval(ticking);
ticking = null;
}
}
function tickEverySecond(tick) {
tick();
ticking = setInterval(tick, 1000);
}
function show(onSubmit) {
stopTicking();
var container = document.getElementById('app-container');
while (container.firstChild) {
container.removeChild(container.firstChild);
}
var form = el('form', { 'class': 'ic', novalidate: true, onsubmit: function (event) {
event.preventDefault();
if (onSubmit) {
onSubmit();
}
} });
Array.prototype.slice.call(arguments, 1).forEach(function (child) {
(Array.isArray(child) ? child : [child]).forEach(function (part) {
if (part) {
form.appendChild(part);
}
});
});
container.appendChild(form);
var first = form.querySelector('input:not([type=checkbox]),select');
if (first) {
first.focus();
}
fitPopup();
return form;
}
function screenWidth() {
try {
if (window.parent && window.parent !== window && window.parent.innerWidth) {
return window.parent.innerWidth;
}
} catch (otherOrigin) { /* the device's width below */ }
return (window.screen && window.screen.availWidth) || POPUP_WIDTH;
}
function screenHeight() {
try {
if (window.parent && window.parent !== window && window.parent.innerHeight) {
return window.parent.innerHeight;
}
} catch (otherOrigin) { /* the device's height below */ }
return (window.screen && window.screen.availHeight) || 600;
}
var popupTitle = 'inCust';
var popupOpen = false;
var popupShown = '';
function openPopup(title) {
popupTitle = title || 'inCust';
popupOpen = true;
var size = popupSize(360);
popupShown = size.width + 'x' + size.height;
Poster.interface.popup(size);
}
function fitPopup() {
if (!popupOpen) {
return;
}
var container = document.getElementById('app-container');
var size = popupSize(container ? container.scrollHeight + 8 : 360);
if (size.width + 'x' + size.height !== popupShown) {
popupShown = size.width + 'x' + size.height;
Poster.interface.popup(size);
}
}
function popupSize(contentHeight) {
var width = Math.max(280, Math.min(POPUP_WIDTH, screenWidth() - 24));
var height = Math.max(200, Math.min(contentHeight, screenHeight() - 90));
return { width: width, height: height, title: popupTitle };
}
function closePopup() {
stopTicking();
popupOpen = false;
Poster.interface.closePopup();
}
var lang = 'en';
var t = translator('en');
var connection = { status: 'UNKNOWN' };
var guests = {};
var flow = 0;
function useLanguage(settings) {
lang = languageOf(settings);
t = translator(lang);
}
function newFlow() {
flow += 1;
return flow;
}
function money(value) {
return moneyText(value, lang);
}
function currency() {
return (Poster.settings && (Poster.settings.currencySymbol || Poster.settings.currencyCodeIso)) || '';
}
function notify(message) {
Poster.interface.showNotification({ title: 'inCust', message: message });
}
function checkConnection() {
if (!serviceUrl()) {
connection = { status: 'NOT_BOUND' };
notify(t('notBoundNotice'));
return Promise.resolve(connection);
}
return call('get', '/connection').then(function (answer) {
if (answer.ok) {
connection = { status: 'CONNECTED', terminal: answer.data.terminal || {} };
notify(t('connected', { title: connection.terminal.title || '' }));
} else if (answer.slug === 'not-bound') {
connection = { status: 'NOT_BOUND' };
notify(t('notBoundNotice'));
} else {
connection = { status: 'UNREACHABLE' };
notify(answer.code === 0 || answer.code >= 500 ? t('unreachable') : problemText(t, answer));
}
return connection;
});
}
function notBound(answer) {
return !serviceUrl() || connection.status === 'NOT_BOUND' || (answer && answer.slug === 'not-bound');
}
function showNotBound(goOn) {
show(goOn, el('h2', null, t('notBoundTitle')), el('p', { 'class': 'note' }, t('notBoundText')),
el('div', { 'class': 'actions' }, submit(t('continueWithout'))));
}
function showBusy(text, wayOut) {
show(wayOut, el('h2', null, 'inCust'), el('p', { 'class': 'busy', role: 'status' }, text),
el('div', { 'class': 'actions' }, button(t('continueWithout'), wayOut)));
}
function showTrouble(title, answer, actions, wayOut) {
if (notBound(answer)) {
connection = { status: 'NOT_BOUND' };
showNotBound(wayOut);
return;
}
show(null, el('h2', null, title), el('p', { 'class': 'error', role: 'alert' }, problemText(t, answer)),
el.apply(null, ['div', { 'class': 'actions' }].concat(actions)));
}
function guestName(orderId) {
return (guests[orderId] && guests[orderId].name) || t('theGuest');
}
function once(fn) {
var called = false;
return function () {
if (!called) {
called = true;
fn();
}
};
}
function stillCurrent(myFlow) {
return myFlow === flow;
}
function printOnReceipt(orderId, text) {
try {
Promise.resolve(Poster.orders.setPrintText(orderId, text)).catch(function () { return null; });
} catch (notOffered) {
return;
}
}
function remember(orderId, status, checkoutId, sale) {
var state = orderState(orderId);
if (state.checkout) {
state.checkout.status = status;
if (checkoutId) {
state.checkout.checkoutId = checkoutId;
}
if (sale) {
state.sale = { earned: sale.earned, before: sale.before };
}
saveOrderState(orderId, state);
}
}
function newAttempt(orderId) {
var state = orderState(orderId);
state.attempt += 1;
state.checkout = null;
state.sale = null;
saveOrderState(orderId, state);
}
function cancelCheckout(orderId) {
var state = orderState(orderId);
if (state.checkout && state.checkout.checkoutId) {
enqueue('/checkouts/' + encodeURIComponent(state.checkout.checkoutId) + '/cancel', {});
}
}
function abandon(orderId) {
newFlow();
cancelCheckout(orderId);
newAttempt(orderId);
}
function undo(orderId, state) {
var checkout = state.checkout;
if (!checkout) {
return;
}
if (checkout.checkoutId) {
enqueue('/checkouts/' + encodeURIComponent(checkout.checkoutId) + '/cancel', {});
}
if (checkout.bonusApplied) {
Poster.orders.setOrderBonus(orderId, 0);
printOnReceipt(orderId, '');
}
newAttempt(orderId);
}
function activeOrder() {
return Promise.resolve(Poster.orders.getActive()).then(function (answer) {
return answer && answer.order ? answer.order : null;
}, function () {
return null;
});
}
function onApplicationIconClicked(data) {
if (data && data.place && data.place !== 'order') {
return;
}
var given = data && data.order ? Promise.resolve(data.order) : activeOrder();
given.then(function (order) {
if (!order) {
notify(t('openOrderFirst'));
return;
}
openPopup();
if (notBound()) {
showNotBound(closePopup);
return;
}
showChooseCustomer(order, { value: '', kind: 'auto' });
});
}
function showChooseCustomer(order, typed, error) {
var input = el('input', { type: 'text', autocomplete: 'off', placeholder: t('identifierExample'), value: typed.value });
var kindNames = { auto: 'kindAuto', PHONE: 'kindPhone', EMAIL: 'kindEmail', QR: 'kindQr',
TEMPORARY_CODE: 'kindCode', CARD: 'kindCard' };
var kind = el.apply(null, ['select', null].concat(IDENTIFIER_KINDS.map(function (name) {
return el('option', { value: name, selected: name === typed.kind }, t(kindNames[name]));
})));
var find = function () {
var now = { value: input.value, kind: kind.value };
if (!now.value.trim()) {
showChooseCustomer(order, now, t('typeSomething'));
return;
}
identify(order, identifierOf(now.value, now.kind), now);
};
var environment = Poster.environment || {};
var scan = environment.android || environment.iOS ? button(t('scan'), function () {
Promise.resolve(Poster.interface.scanBarcode()).then(function (scanned) {
if (scanned && scanned.barcode) {
identify(order, { type: 'QR', value: scanned.barcode }, { value: scanned.barcode, kind: 'QR' });
}
});
}) : null;
var fields = field('incust-identifier', t('identifierLabel'), input);
show(find, el('h2', null, t('chooseTitle')), fields[0], el('div', { 'class': 'row' }, input, scan), fields[2],
el('p', { 'class': 'note hint', 'data-field': 'identifier-hint' }, t('identifierHint')),
field('incust-kind', t('kindLabel'), kind),
el('div', { 'class': 'actions' }, submit(t('find')), button(t('cancel'), closePopup)));
if (error) {
markField(input, error);
}
}
function identify(order, identifier, typed) {
showBusy(t('lookingUp'), closePopup);
call('post', '/customer-sessions', { identifier: identifier }).then(function (answer) {
if (answer.code === 200) {
chosen(order, answer.data);
} else if (answer.code === 202) {
showProfile(order, answer.data, {}, null);
} else if (answer.code === 400 || answer.code === 404) {
showChooseCustomer(order, typed, problemText(t, answer));
} else {
showTrouble(t('unavailableTitle'), answer, [
button(t('tryAgain'), function () { identify(order, identifier, typed); }, 'primary'),
button(t('continueWithout'), closePopup)], closePopup);
}
});
}
function showProfile(order, session, typed, answer) {
var customer = session.customer || {};
var name = el('input', { type: 'text', value: typed.name !== undefined ? typed.name : (customer.name || '') });
var gender = el('select', null, el('option', { value: '' }, '—'),
el('option', { value: 'female', selected: typed.gender === 'female' }, t('female')),
el('option', { value: 'male', selected: typed.gender === 'male' }, t('male')));
var birthDate = el('input', { type: 'date', value: typed.birthDate || '' });
var email = el('input', { type: 'email', value: typed.email !== undefined ? typed.email : (customer.email || '') });
var inputs = { name: name, gender: gender, birthDate: birthDate, email: email };
var now = function () {
return { name: name.value, gender: gender.value, birthDate: birthDate.value, email: email.value };
};
var send = function (profile, kept) {
showBusy(t('savingProfile'), closePopup);
call('put', '/customer-sessions/' + encodeURIComponent(session.sessionId) + '/profile', profile)
.then(function (saved) {
if (saved.ok) {
chosen(order, saved.data);
} else if (saved.code === 400) {
showProfile(order, session, kept, saved);
} else {
showTrouble(t('unavailableTitle'), saved, [
button(t('tryAgain'), function () { send(profile, kept); }, 'primary'),
button(t('continueWithout'), closePopup)], closePopup);
}
});
};
var save = function () {
var kept = now();
var profile = {};
if (kept.name.trim()) { profile.name = kept.name.trim(); }
if (kept.gender) { profile.gender = kept.gender; }
if (kept.birthDate) { profile.birthDate = kept.birthDate; }
if (kept.email.trim()) { profile.email = kept.email.trim(); }
send(profile, kept);
};
var errors = (answer && answer.data && answer.data.errors) || [];
show(save, el('h2', null, t('profileTitle')),
el('p', { 'class': 'note' }, t('registered', { who: customer.phone || customer.email || t('theGuest') })),
field('incust-name', t('name'), name), field('incust-gender', t('gender'), gender),
field('incust-birth-date', t('birthDate'), birthDate), field('incust-email', t('email'), email),
answer ? el('p', { 'class': 'error', role: 'alert' }, errors.length ? t('fixFields') : problemText(t, answer))
: null,
el('div', { 'class': 'actions' }, submit(t('save')), button(t('skip'), function () { send({}, now()); })));
errors.forEach(function (error) {
markField(inputs[fieldOf(error.field)], error.message);
});
}
function chosen(order, session) {
var customer = session.customer || {};
var state = orderState(order.id);
if (state.checkout && state.checkout.checkoutId) {
undo(order.id, state);
state = orderState(order.id);
}
state.guest = storedGuest(session);
saveOrderState(order.id, state);
guests[order.id] = { name: customer.name || '', phone: customer.phone || '', email: customer.email || '',
bonusPoints: customer.bonusPoints };
showWallet(customer);
attachPosterClient(order, state.guest, guests[order.id]);
}
function showWallet(customer) {
var accounts = (customer.accounts || []).map(function (account) {
return el('tr', null, el('td', null, account.title), el('td', { 'class': 'num' }, accountBalanceText(account, lang)
+ (account.type === 'money' ? '\u00a0' + currency() : '')));
});
var coupons = (customer.coupons || []).map(function (coupon) {
return el('li', null, coupon.title + ' (' + coupon.code + ')');
});
show(closePopup, el('h2', null, customer.name || customer.phone || t('guest')),
el('p', { 'class': 'note' }, [customer.phone, customer.email].filter(Boolean).join(' · ')),
el('p', null, t('bonusPoints') + ': ', el('span', { 'class': 'figure', 'data-field': 'bonus-points' },
money(customer.bonusPoints))),
accounts.length ? el('div', null, el('strong', null, t('accounts')),
el.apply(null, ['table', null].concat(accounts))) : null,
coupons.length ? el('div', null, el('strong', null, t('coupons')), el.apply(null, ['ul', null].concat(coupons)))
: el('p', { 'class': 'note' }, t('noCoupons')),
el('div', { 'class': 'actions' }, submit(t('continue'))));
}
function attachPosterClient(order, guest, known) {
var setClient = function (clientId) {
var state = orderState(order.id);
if (state.guest) {
state.guest.posterClientId = clientId;
saveOrderState(order.id, state);
}
return Promise.resolve(Poster.orders.setOrderClient(order.id, clientId)).then(function (result) {
return !result || result.success !== false;
});
};
var byService = Number(guest.posterClientId) || 0;
var attached = byService ? setClient(byService) : Promise.resolve(false);
attached.then(function (ok) {
if (ok || !known.phone) {
return null;
}
return Promise.resolve(Poster.clients.find({ searchVal: known.phone })).then(function (found) {
var client = found && found.foundClients && found.foundClients[0];
if (client) {
return client;
}
return Promise.resolve(Poster.clients.create({ client: {
client_name: known.name || known.phone, phone: known.phone, email: known.email,
client_groups_id_client: extras().incust_client_group_id
} })).then(function (created) {
return created && created.client;
});
}).then(function (client) {
var id = client && Number(client.id || client.client_id);
return id ? setClient(id) : null;
});
}).catch(function () {
notify(t('attachFailed'));
});
}
var PREVIEW_DELAY_MS = 300;
var releasedHolds = {};
function showRedeem(sale, checkoutId, offer, again) {
var order = sale.order;
var refusal = again && again.refusal;
var kept = (again && again.typed) || { bonus: '', codes: [] };
var max = Number(offer.maxRedeemableBonus || 0);
var bonus = el('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', value: kept.bonus });
var pays = el('span', { 'class': 'figure', 'data-field': 'total-to-pay' }, money(offer.totalToPay));
var earns = el('span', { 'data-field': 'bonuses-to-add' }, money(offer.bonusesToAdd));
var discount = el('span', { 'data-field': 'discount' }, money(offer.discount));
var calculating = el('p', { 'class': 'note calculating', role: 'status' });
var figures = { discount: offer.discount, bonusesToAdd: offer.bonusesToAdd, totalToPay: offer.totalToPay };
var coupons = (offer.coupons || []).map(function (coupon) {
var box = el('input', { type: 'checkbox', value: coupon.code, id: 'incust-coupon-' + coupon.code,
checked: kept.codes.indexOf(coupon.code) >= 0 });
return { code: coupon.code, box: box, line: el('label', { 'class': 'coupon', 'for': 'incust-coupon-' + coupon.code },
box, coupon.title + ' (' + coupon.code + ')') };
});
var choice = function () {
var points = readPoints(bonus.value, max);
var codes = coupons.filter(function (coupon) {
return coupon.box.checked;
}).map(function (coupon) {
return coupon.code;
});
return { points: points, codes: codes, typed: { bonus: bonus.value, codes: codes } };
};
var asked = 0;
var timer = null;
var preview = function () {
clearTimeout(timer);
var now = choice();
markField(bonus, now.points.error ? t(now.points.error, { max: money(max) }) : '');
if (now.points.error) {
return;
}
timer = setTimeout(function () {
var mine = ++asked;
calculating.textContent = t('calculating');
call('post', '/checkouts/' + encodeURIComponent(checkoutId) + '/preview', redemptionOf(now))
.then(function (answer) {
if (mine !== asked || !stillCurrent(sale.myFlow)) {
return;
}
calculating.textContent = answer.ok ? '' : problemText(t, answer);
if (answer.ok) {
figures = answer.data;
pays.textContent = money(figures.totalToPay);
earns.textContent = money(figures.bonusesToAdd);
discount.textContent = money(figures.discount);
} else if (answer.code === 400 && answer.data.errors) {
markField(bonus, answer.data.errors[0].message);
}
});
}, PREVIEW_DELAY_MS);
};
bonus.oninput = preview;
coupons.forEach(function (coupon) {
coupon.box.onchange = preview;
});
var redeem = function (redemption, earned, typedNow) {
showBusy(t('reserving'), sale.withoutIncust);
call('post', '/checkouts/' + encodeURIComponent(checkoutId) + '/redemption', redemption).then(function (answer) {
if (!stillCurrent(sale.myFlow)) {
return;
}
var earnings = { earned: earned, before: offer.bonusBalance };
if (answer.ok && answer.data.status === 'AWAITING_CONFIRMATION') {
remember(order.id, 'AWAITING_CONFIRMATION', null, earnings);
showCode(sale, checkoutId, answer.data.confirmation || {}, '');
} else if (answer.ok) {
applyAndGo(order, answer.data.result, earnings, sale.goOn);
} else if (answer.code === 400 || answer.code === 422) {
showRedeem(sale, checkoutId, offer, { refusal: answer, typed: typedNow });
} else if (answer.code === 409) {
route(sale, checkoutId, {});
} else {
showTrouble(t('unavailableTitle'), answer, [
button(t('tryAgain'), function () { redeem(redemption, earned, typedNow); }, 'primary'),
button(t('continueWithout'), sale.withoutIncust)], sale.withoutIncust);
}
});
};
var proceed = function () {
var now = choice();
if (now.points.error) {
markField(bonus, t(now.points.error, { max: money(max) }));
bonus.focus();
return;
}
var redemption = redemptionOf(now);
redeem(redemption, redemption.bonusPoints || redemption.couponCodes ? figures.bonusesToAdd : offer.bonusesToAdd,
now.typed);
};
var payWithout = function () { redeem({}, offer.bonusesToAdd, choice().typed); };
var noPoints = max <= 0;
var nothing = noPoints && !coupons.length;
var fields = noPoints ? null : field('incust-bonus', t('bonusLabel', { max: money(max) }), bonus);
var refusedFields = (refusal && refusal.data && refusal.data.errors) || [];
var released = releasedHolds[order.id];
delete releasedHolds[order.id];
show(nothing ? payWithout : proceed, el('h2', null, t('redeemTitle', { name: guestName(order.id) })),
released ? el('p', { 'class': 'note', role: 'status', 'data-field': 'hold-released' }, t('holdReleased')) : null,
el('table', null,
el('tr', null, el('td', null, t('bonusPoints')), el('td', { 'class': 'num' }, money(offer.bonusBalance))),
el('tr', null, el('td', null, t('mayPay')), el('td', { 'class': 'num', 'data-field': 'max-redeemable' }, money(max))),
el('tr', null, el('td', null, t('discount')), el('td', { 'class': 'num' }, discount)),
el('tr', null, el('td', null, t('earns')), el('td', { 'class': 'num' }, earns))),
fields,
noPoints ? el('p', { 'class': 'note', 'data-field': 'nothing-to-redeem' },
t(nothing ? 'nothingToRedeem' : 'noPointsCoupon')) : null,
coupons.length ? el('div', null, el('label', null, t('coupons'))) : null,
coupons.length ? el.apply(null, ['div', null].concat(coupons.map(function (coupon) {
return coupon.line;
}))) : null,
el('p', null, t('guestPays') + ': ', pays, '\u00a0' + currency()),
calculating,
refusal ? el('p', { 'class': 'error', role: 'alert' }, problemText(t, refusal)) : null,
el('div', { 'class': 'actions' }, nothing ? submit(t('payWithout')) : submit(t('continue')),
nothing ? null : button(t('payWithout'), payWithout),
button(t('continueWithout'), sale.withoutIncust, 'quiet')));
refusedFields.forEach(function (error) {
if (fieldOf(error.field) === 'bonusPoints') {
markField(bonus, error.message);
}
});
if (kept.bonus || kept.codes.length) {
preview();
}
}
function redemptionOf(choice) {
var redemption = {};
if (choice.points.value > 0) {
redemption.bonusPoints = choice.points.value;
}
if (choice.codes.length) {
redemption.couponCodes = choice.codes;
}
return redemption;
}
function onBeforeOrderClose(data, next) {
var order = data && data.order;
var state = order ? orderState(order.id) : null;
if (!state || !state.guest || notBound()) {
next();
return;
}
openPopup();
var myFlow = newFlow();
var goOn = once(function () {
closePopup();
next();
});
var withoutIncust = function () {
abandon(order.id);
goOn();
};
showBusy(t('askingRedeem', { name: guestName(order.id) }), withoutIncust);
startCheckout({ order: order, myFlow: myFlow, goOn: goOn, withoutIncust: withoutIncust });
}
function productLines(order) {
var products = order.products || [];
return Array.isArray(products) ? products : Object.keys(products).sort(function (a, b) {
return Number(a) - Number(b);
}).map(function (key) {
return products[key];
});
}
function fullNames(lines) {
var asked = lines.map(function (line) {
return { id: line.id, modification: line.modification || 0 };
});
return Promise.resolve(Poster.products.getFullName(asked)).then(function (names) {
return lines.map(function (line, i) {
var name = names && names[i];
if (name && typeof name === 'object') {
name = name.name || name.fullName;
}
return name ? String(name) : 'Product ' + line.id;
});
}, function () {
return lines.map(function (line) {
return 'Product ' + line.id;
});
});
}
function checkoutBody(order, guest) {
var lines = productLines(order).filter(function (line) {
return Number(line.count) > 0;
});
return fullNames(lines).then(function (names) {
var items = lines.map(function (line, i) {
var price = line.promotionPrice !== undefined && line.promotionPrice !== null ? line.promotionPrice : line.price;
return {
productId: String(line.id),
modificationId: line.modification ? String(line.modification) : null,
name: names[i],
count: Number(line.count),
price: amount(price)
};
});
var total = items.reduce(function (sum, item) {
return sum + item.count * item.price;
}, 0);
var receipt = order.orderName && /^\d+$/.test(String(order.orderName)) ? String(order.orderName) : null;
return {
orderId: String(order.id),
transactionId: receipt,
customerSessionId: guest.sessionId,
items: items,
total: amount(total),
currency: extras().incust_currency || (Poster.settings && Poster.settings.currencyCodeIso)
};
});
}
function startCheckout(sale) {
var order = sale.order;
var state = orderState(order.id);
var prepared = state.checkout && state.checkout.body ? Promise.resolve(state.checkout)
: checkoutBody(order, state.guest).then(function (body) {
var attempt = { key: order.id + '-' + state.attempt, body: body, checkoutId: null, status: null };
var latest = orderState(order.id);
latest.checkout = attempt;
saveOrderState(order.id, latest);
return attempt;
});
prepared.then(function (attempt) {
return call('post', '/checkouts', attempt.body, ['Idempotency-Key: ' + attempt.key]).then(function (answer) {
if (!stillCurrent(sale.myFlow)) {
return;
}
if (answer.ok) {
var latest = orderState(order.id);
latest.checkout.checkoutId = answer.data.checkoutId;
latest.checkout.status = answer.data.status;
saveOrderState(order.id, latest);
route(sale, answer.data.checkoutId, { status: answer.data.status, offer: answer.data.offer });
} else if (answer.slug === 'idempotency-conflict') {
newAttempt(order.id);
startCheckout(sale);
} else {
showTrouble(t('cannotTake'), answer, [
answer.code === 0 || answer.code >= 500 ? button(t('tryAgain'), function () {
startCheckout(sale);
}, 'primary') : null,
button(t('continueWithout'), sale.withoutIncust)], sale.withoutIncust);
}
});
});
}
function route(sale, checkoutId, known) {
var next = stepOf(known.status, known.asked);
if (next.step === 'redeem' && known.offer) {
showRedeem(sale, checkoutId, known.offer);
} else if (next.step === 'code' && known.confirmation) {
showCode(sale, checkoutId, known.confirmation, '');
} else if (next.step === 'apply' && known.result !== undefined) {
applyAndGo(sale.order, known.result, null, sale.goOn);
} else if (next.step === 'again') {
newAttempt(sale.order.id);
startCheckout(sale);
} else if (next.step === 'done') {
sale.goOn();
} else if (next.step === 'unknown') {
showUnknownStatus(sale, checkoutId);
} else {
var unknown = known.status && next.step === 'ask';
setTimeout(function () {
askWhereItStands(sale, checkoutId, unknown ? (known.asked || 0) + 1 : (known.asked || 0));
}, unknown ? next.wait : 0);
}
}
function askWhereItStands(sale, checkoutId, asked) {
call('get', '/checkouts/' + encodeURIComponent(checkoutId)).then(function (answer) {
if (!stillCurrent(sale.myFlow)) {
return;
}
if (!answer.ok) {
showTrouble(t('unavailableTitle'), answer, [button(t('continueWithout'), sale.withoutIncust)],
sale.withoutIncust);
return;
}
var checkout = answer.data;
route(sale, checkoutId, { status: checkout.status, offer: checkout.offer,
confirmation: checkout.confirmation || {}, result: checkout.result, asked: asked });
});
}
function showUnknownStatus(sale, checkoutId) {
show(null, el('h2', null, t('unavailableTitle')), el('p', { 'class': 'error', role: 'alert' }, t('unknownStatus')),
el('div', { 'class': 'actions' },
button(t('tryAgain'), function () { askWhereItStands(sale, checkoutId, 0); }, 'primary'),
button(t('continueWithout'), sale.withoutIncust)));
}
function showCode(sale, checkoutId, confirmation, message) {
var order = sale.order;
var input = el('input', { type: 'text', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: '8' });
var expiry = el('span', { 'data-field': 'expires-in' }, '');
var confirm = function () {
var code = input.value.trim();
if (!/^\d{4,8}$/.test(code)) {
markField(input, t('codeDigits'));
input.focus();
return;
}
showBusy(t('checkingCode'), sale.withoutIncust);
call('post', '/checkouts/' + encodeURIComponent(checkoutId) + '/confirmation', { code: code })
.then(function (answer) {
if (!stillCurrent(sale.myFlow)) {
return;
}
if (answer.ok) {
applyAndGo(order, answer.data.result, orderState(order.id).sale, sale.goOn);
} else if (answer.slug === 'wrong-code') {
var left = Object.assign({}, confirmation, { attemptsLeft: answer.data.attemptsLeft });
showCode(sale, checkoutId, left, t('wrongCode'));
} else if (answer.slug === 'confirmation-expired') {
newAttempt(order.id);
show(null, el('h2', null, t(endOfCodeTitle(confirmation, Date.now()))),
el('p', { 'class': 'error', role: 'alert' }, t('codeGone')),
el('div', { 'class': 'actions' },
button(t('payWithout'), function () { payWithoutBonuses(sale); },
'primary'),
button(t('continueWithout'), sale.withoutIncust)));
} else if (answer.code === 409) {
route(sale, checkoutId, {});
} else {
showCode(sale, checkoutId, confirmation, problemText(t, answer));
}
});
};
var resend = function () {
call('post', '/checkouts/' + encodeURIComponent(checkoutId) + '/confirmation/resend').then(function (answer) {
if (!stillCurrent(sale.myFlow)) {
return;
}
showCode(sale, checkoutId, answer.ok ? (answer.data.confirmation || confirmation) : confirmation,
answer.ok ? t('newCodeSent') : problemText(t, answer));
});
};
var cancel = function () {
showBusy(t('cancelling'), sale.withoutIncust);
releasedHolds[order.id] = true;
cancelCheckout(order.id);
newAttempt(order.id);
startCheckout(sale);
};
var channel = confirmation.channel === 'EMAIL' ? t('channelEmail') : t('channelPhone');
show(confirm, el('h2', null, t('codeTitle')),
el('p', { 'class': 'note' }, t('codeSent', { channel: channel })),
field('incust-code', t('codeLabel'), input),
confirmation.attemptsLeft !== undefined && confirmation.attemptsLeft !== null
? el('p', { 'class': 'note', 'data-field': 'attempts-left' }, t('attemptsLeft', { n: confirmation.attemptsLeft }))
: null,
confirmation.expiresAt ? el('p', { 'class': 'note' }, t('expiresIn'), expiry) : null,
message ? el('p', { 'class': 'error', role: 'alert' }, message) : null,
el('div', { 'class': 'actions' }, submit(t('confirm')), button(t('resend'), resend), button(t('cancel'), cancel)));
if (confirmation.expiresAt) {
var until = Date.parse(confirmation.expiresAt);
tickEverySecond(function () {
expiry.textContent = countdown(until, Date.now());
});
}
}
function payWithoutBonuses(sale) {
var order = sale.order;
showBusy(t('asking'), sale.withoutIncust);
var state = orderState(order.id);
var offered = null;
checkoutBody(order, state.guest).then(function (body) {
var latest = orderState(order.id);
latest.checkout = { key: order.id + '-' + latest.attempt, body: body, checkoutId: null, status: null };
saveOrderState(order.id, latest);
return call('post', '/checkouts', body, ['Idempotency-Key: ' + latest.checkout.key]);
}).then(function (created) {
if (!stillCurrent(sale.myFlow)) {
return null;
}
if (!created.ok) {
showTrouble(t('unavailableTitle'), created, [button(t('continueWithout'), sale.withoutIncust)], sale.withoutIncust);
return null;
}
offered = created.data.offer || {};
remember(order.id, created.data.status, created.data.checkoutId);
return call('post', '/checkouts/' + encodeURIComponent(created.data.checkoutId) + '/redemption', {});
}).then(function (answer) {
if (!answer || !stillCurrent(sale.myFlow)) {
return;
}
if (answer.ok) {
applyAndGo(order, answer.data.result, { earned: offered.bonusesToAdd, before: offered.bonusBalance }, sale.goOn);
} else {
showTrouble(t('unavailableTitle'), answer, [button(t('continueWithout'), sale.withoutIncust)], sale.withoutIncust);
}
});
}
function applyAndGo(order, result, earnings, goOn) {
var points = Number((result && result.bonusToApply) || 0);
var coupon = Number((result && result.discount) || 0);
var applied = amount(points + coupon);
var state = orderState(order.id);
if (state.checkout) {
state.checkout.status = 'AWAITING_ORDER_CLOSE';
state.checkout.bonusApplied = applied;
saveOrderState(order.id, state);
}
var earned = earnings ? earnings.earned : null;
var text = receiptText(t, lang, { points: points, discount: coupon, earned: earned,
balance: balanceAfter(earnings ? earnings.before : null, points, earned) });
printOnReceipt(order.id, text);
Promise.resolve(Poster.orders.setOrderBonus(order.id, applied)).then(goOn, goOn);
}
function shownBonus(order, applied) {
var fields = ['payedBonus', 'approvedBonus', 'platformDiscount'];
for (var i = 0; i < fields.length; i++) {
var value = Number(order[fields[i]]);
if (value > 0) {
return amount(value);
}
}
return applied || 0;
}
function onAfterOrderClose(data) {
var order = data && data.order;
var state = order ? store.get('order.' + order.id) : null;
var checkout = state && state.checkout;
if (order) {
delete guests[order.id];
}
if (!checkout || !checkout.checkoutId || checkout.status !== 'AWAITING_ORDER_CLOSE') {
if (order) {
forgetOrder(order.id);
}
return;
}
var receipt = order.orderName && /^\d+$/.test(String(order.orderName)) ? String(order.orderName) : null;
enqueue('/checkouts/' + encodeURIComponent(checkout.checkoutId) + '/order-closed', {
transactionId: receipt,
payedBonus: shownBonus(order, checkout.bonusApplied),
total: amount(order.total || 0)
});
forgetOrder(order.id);
}
function onOrderProductChange(data) {
var orderId = data && data.order ? data.order.id : null;
var state = orderId ? store.get('order.' + orderId) : null;
if (state && state.checkout) {
undo(orderId, state);
notify(t('orderChanged'));
}
}
function onOrderClientChange(data) {
var orderId = data ? data.orderId : null;
var state = orderId ? store.get('order.' + orderId) : null;
if (!state || !state.guest || Number(data.clientId) === Number(state.guest.posterClientId)) {
return;
}
if (state.checkout) {
undo(orderId, state);
}
var latest = orderState(orderId);
latest.guest = null;
saveOrderState(orderId, latest);
delete guests[orderId];
}
function start() {
useLanguage(Poster.settings);
var style = document.createElement('style');
style.textContent = CSS;
document.head.appendChild(style);
forgetOldOrders();
Poster.interface.showApplicationIconAt({ order: t('menu') });
Poster.on('applicationIconClicked', onApplicationIconClicked);
Poster.on('beforeOrderClose', onBeforeOrderClose);
Poster.on('afterOrderClose', onAfterOrderClose);
Poster.on('orderProductChange', onOrderProductChange);
Poster.on('orderClientChange', onOrderClientChange);
Poster.on('userLogin', checkConnection);
startReturns(t, lang, notify);
checkConnection();
flushOutbox();
setInterval(flushOutbox, OUTBOX_FIRST_WAIT_MS);
}
start();
}());
