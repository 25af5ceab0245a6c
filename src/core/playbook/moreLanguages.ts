// Words the reader knows in languages beyond the seven built-in ones (English, Spanish,
// Portuguese, French, German, Italian, Russian) and Chinese, Japanese and Korean: Dutch,
// Polish, Czech, Slovak, Slovenian, Croatian / Serbian / Bosnian (Latin), Ukrainian, Turkish,
// Vietnamese, Indonesian / Malay, Swedish, Danish, Norwegian, Finnish, Hungarian, Romanian,
// Lithuanian and Hebrew. Teams keep their logs in their own language; a log in
// one of these reads as its author meant it without a playbook. Each list is merged into the
// table of the same purpose (statusWords, policy, the reader's title, label and column tables)
// and matched the same way: whole words, folded, never a pattern on the user's text.
//
// Only words that mean the same thing wherever they stand in their context are here: a status
// word is read only as a status value, a label only before a colon or in a bold lead, a column
// name only in a table's header. Words that collide with another language's in the same context
// are left out (Hungarian `ok`, a cause, is English `ok`, a status).

/** Titles that say the sections below them are incidents (`# Storingen`, `# Incydenty`, `# תקלות`). */
export const MORE_LOG_TITLES = [
  // nl
  'incidenten', 'storingen', 'incidentlog', 'incidentenlog', 'storingslog', 'incidentenlogboek', 'storingslogboek', 'wat er misging', 'wat misging',
  // pl
  'incydenty', 'awarie', 'dziennik incydentów', 'rejestr incydentów', 'dziennik awarii', 'historia awarii', 'historia incydentów', 'co poszło nie tak',
  // cs, sk
  'incidenty', 'výpadky', 'poruchy', 'deník incidentů', 'záznam incidentů', 'log incidentů', 'co se pokazilo', 'denník incidentov', 'záznam incidentov', 'čo sa pokazilo',
  // sl, hr, sr, bs
  'izpadi', 'dnevnik incidentov', 'ispadi', 'kvarovi', 'dnevnik incidenata', 'zapisnik incidenata', 'evidencija incidenata',
  // uk
  'інциденти', 'збої', 'аварії', 'журнал інцидентів', 'журнал збоїв', 'постмортеми', 'що пішло не так',
  // tr
  'olaylar', 'olay kaydı', 'olay günlüğü', 'olay geçmişi', 'kesintiler', 'kesinti kaydı', 'arızalar', 'arıza kaydı',
  // vi
  'sự cố', 'các sự cố', 'nhật ký sự cố', 'lịch sử sự cố', 'báo cáo sự cố',
  // id, ms
  'insiden', 'gangguan', 'log insiden', 'catatan insiden', 'riwayat insiden', 'daftar insiden', 'laporan insiden',
  // sv, da, no
  'incidenter', 'störningar', 'driftstörningar', 'incidentlogg', 'avbrott', 'hændelser', 'hendelser', 'nedbrud', 'driftsforstyrrelser', 'hændelseslog', 'hendelseslogg',
  // fi
  'häiriöt', 'häiriöloki', 'poikkeamat', 'vikatilanteet', 'incidentit',
  // hu
  'incidensek', 'üzemzavarok', 'kiesések', 'incidensnapló',
  // ro
  'incidente', 'întreruperi', 'jurnal de incidente', 'registrul incidentelor',
  // lt
  'incidentai', 'sutrikimai', 'gedimai', 'incidentų žurnalas',
  // he
  'תקלות', 'תקריות', 'השבתות', 'כשלים', 'יומן תקלות', 'יומן תקריות', 'מה השתבש',
];

/**
 * Labels of an incident's parts (`Oorzaak:`, `**Przyczyna**`, `**מה קרה.**`): what happened,
 * its symptom, its cause, its fix and its impact. Two different ones make a section an incident.
 */
export const MORE_ANATOMY_LABELS = [
  // en, phrased as questions or with an article (`**What happened.**`, `Why it happened:`)
  'why it happened', 'how it was found', 'how it was fixed', 'what broke', 'what we did', 'remediation', 'mitigation', 'the cause', 'the root cause', 'the impact',
  // nl
  'symptoom', 'symptomen', 'oorzaak', 'grondoorzaak', 'oplossing', 'herstel', 'probleem', 'wat er gebeurde', 'wat gebeurde er',
  // pl
  'objaw', 'objawy', 'przyczyna', 'przyczyna źródłowa', 'rozwiązanie', 'naprawa', 'wpływ', 'skutki', 'co się stało',
  // cs, sk
  'příznak', 'příznaky', 'příčina', 'kořenová příčina', 'řešení', 'oprava', 'dopad', 'problém', 'co se stalo', 'príznaky', 'príčina', 'riešenie', 'čo sa stalo',
  // sl, hr, sr, bs
  'simptom', 'simptomi', 'vzrok', 'rešitev', 'popravek', 'vpliv', 'težava', 'kaj se je zgodilo', 'uzrok', 'rješenje', 'popravak', 'utjecaj', 'što se dogodilo', 'šta se desilo',
  // uk
  'симптоми', 'рішення', 'виправлення', 'вплив', 'що сталося', 'що трапилося', 'діагностика', 'першопричина',
  // tr
  'belirti', 'belirtiler', 'neden', 'kök neden', 'sebep', 'çözüm', 'düzeltme', 'etki', 'sorun', 'ne oldu',
  // vi
  'triệu chứng', 'nguyên nhân', 'nguyên nhân gốc', 'giải pháp', 'khắc phục', 'cách khắc phục', 'ảnh hưởng', 'tác động', 'vấn đề',
  // id, ms
  'gejala', 'penyebab', 'akar masalah', 'solusi', 'perbaikan', 'dampak', 'masalah', 'apa yang terjadi',
  // sv, da, no
  'orsak', 'grundorsak', 'lösning', 'åtgärd', 'påverkan', 'vad hände', 'årsag', 'årsak', 'løsning', 'rettelse', 'påvirkning', 'hva skjedde', 'hvad skete der',
  // fi
  'oireet', 'oire', 'syy', 'juurisyy', 'ratkaisu', 'korjaus', 'vaikutus', 'ongelma', 'mitä tapahtui',
  // hu
  'tünetek', 'tünet', 'kiváltó ok', 'megoldás', 'javítás', 'hatás', 'probléma', 'mi történt',
  // ro
  'simptome', 'cauză', 'cauza', 'cauza principală', 'soluție', 'soluția', 'remediere', 'problemă', 'ce s a întâmplat',
  // lt
  'simptomai', 'priežastis', 'sprendimas', 'pataisymas', 'poveikis', 'kas nutiko', 'kas atsitiko',
  // he: with and without the article ה
  'מה קרה', 'שורש', 'השורש', 'שורש הבעיה', 'סיבה', 'הסיבה', 'סיבת השורש', 'תיקון', 'התיקון', 'פתרון', 'הפתרון', 'השפעה', 'ההשפעה', 'תסמינים', 'התסמינים', 'בעיה', 'הבעיה', 'איך אותר',
  // What was learned
  'lessen', 'geleerde lessen', 'lekcja', 'wnioski', 'poučení', 'lekce', 'lekcia', 'lekcija', 'pouka', 'висновки', 'уроки', 'ders', 'dersler', 'çıkarılan dersler', 'bài học', 'pelajaran',
  'lärdom', 'lärdomar', 'lærdom', 'læring', 'opetus', 'opit', 'tanulság', 'tanulságok', 'lecție', 'lecții', 'pamoka', 'pamokos', 'לקח', 'הלקח', 'לקחים', 'הלקחים',
  // ja, zh, ko: what happened and why, told as a story (`何が起きたか`, `事故经过`)
  '何が起きたか', '何が起きた', '何が起こったか', '何が起こった', 'なぜ起きたか', 'なぜ起きた', 'なぜ起こったか', '起きたこと', '経緯', '事象', '根本原因', '修正内容', '対応内容', '暫定対応', '恒久対応',
  '经过', '事故经过', '故障现象', '根本原因', '解决办法', '处理过程', '影响范围', '발생 원인', '근본 원인', '조치 사항', '문제 상황',
];

/** What a section or a row says of itself when it is no incident (`Geen incident`, `Ni incidenta`, `לא תקלה`). */
export const MORE_NOT_AN_INCIDENT = [
  'geen incident', 'geen storing', 'brak incydentu', 'nie incydent', 'to nie incydent', 'žádný incident', 'není incident', 'nie je incident', 'ni incidenta', 'ni bil incident', 'nije incident', 'nema incidenta',
  'не інцидент', 'немає інциденту', 'olay değil', 'olay yok', 'không phải sự cố', 'không có sự cố', 'bukan insiden', 'tidak ada insiden', 'ingen incident', 'ingen hændelse', 'ingen hendelse', 'ei häiriö', 'ei häiriötä',
  'nem incidens', 'nincs incidens', 'nu este incident', 'niciun incident', 'ne incidentas', 'nėra incidento', 'לא תקלה', 'אין תקלה',
];

/** Keys of a status field (`Stav:`, `Durum:`, `Trạng thái:`, `סטטוס:`). */
export const MORE_STATUS_KEYS = [
  'stan', 'stav', 'stanje', 'стан', 'durum', 'trạng thái', 'tình trạng', 'tila', 'stare', 'būsena', 'statusas', 'סטטוס', 'מצב', 'állapot',
];

/** Keys of the day an incident began (`Datum:`, `Tarih:`, `Ngày:`, `תאריך:`). */
export const MORE_DATE_KEYS = ['tarih', 'ngày', 'tanggal', 'dato', 'päivämäärä', 'pvm', 'תאריך', 'dátum'];

/** Status values, by what they mean. */
export const MORE_STATUSES = {
  Resolved: [
    'opgelost', 'gesloten', 'verholpen', 'afgerond', 'hersteld',
    'rozwiązano', 'rozwiązane', 'rozwiązany', 'naprawiono', 'naprawione', 'zamknięte', 'zamknięty', 'zakończone',
    'vyřešeno', 'opraveno', 'uzavřeno', 'hotovo', 'vyriešené', 'opravené', 'uzavreté',
    'rešeno', 'odpravljeno', 'zaprto', 'popravljeno', 'riješeno', 'ispravljeno', 'zatvoreno',
    'вирішено', 'виправлено', 'закрито', 'усунено', 'відновлено', 'завершено',
    'çözüldü', 'giderildi', 'kapatıldı', 'kapalı', 'düzeltildi', 'tamamlandı',
    'đã giải quyết', 'đã khắc phục', 'đã sửa', 'đã xử lý', 'đã đóng', 'hoàn thành',
    'selesai', 'teratasi', 'diperbaiki', 'ditutup', 'terselesaikan',
    'löst', 'åtgärdad', 'åtgärdat', 'stängd', 'stängt', 'løst', 'lukket', 'rettet', 'fikset',
    'ratkaistu', 'korjattu', 'suljettu', 'megoldva', 'javítva', 'lezárva',
    // Romanian is often typed without its diacritics (`Rezolvata`, `inchis`).
    'rezolvat', 'rezolvată', 'rezolvata', 'închis', 'închisă', 'inchis', 'inchisa', 'remediat', 'remediată', 'remediata',
    'išspręsta', 'ištaisyta', 'uždaryta',
    'נפתר', 'טופל', 'תוקן', 'סגור', 'נסגר',
  ],
  Open: [
    'lopend', 'actief', 'in behandeling', 'onopgelost',
    'otwarte', 'otwarty', 'w toku', 'w trakcie', 'aktywny', 'nierozwiązane', 'nierozwiązany',
    'otevřeno', 'otevřený', 'probíhá', 'aktivní', 'nevyřešeno', 'otvorené', 'prebieha', 'nevyriešené',
    'odprto', 'v teku', 'nerešeno', 'otvoreno', 'u tijeku', 'neriješeno',
    'відкрито', 'відкритий', 'в роботі', 'у роботі', 'активний', 'не вирішено', 'триває',
    'açık', 'devam ediyor', 'çözülmedi',
    'đang xử lý', 'chưa giải quyết', 'chưa khắc phục', 'đang mở',
    'terbuka', 'berlangsung', 'belum selesai', 'dalam proses',
    'öppen', 'öppet', 'pågående', 'pågår', 'olöst', 'åben', 'åpen', 'igangværende', 'uløst',
    'avoin', 'käynnissä', 'ratkaisematta', 'nyitott', 'folyamatban', 'megoldatlan',
    'deschis', 'deschisă', 'deschisa', 'în curs', 'in curs', 'nerezolvat', 'nerezolvată', 'nerezolvata',
    'atvira', 'atviras', 'vykdoma', 'neišspręsta',
    'פתוח', 'פתוחה', 'בטיפול', 'לא נפתר', 'בתהליך',
  ],
  Investigating: ['in onderzoek', 'wordt onderzocht', 'w analizie', 'vyšetřuje se', 'розслідування', 'досліджується', 'inceleniyor', 'araştırılıyor', 'đang điều tra', 'sedang diselidiki', 'undersöks', 'tutkitaan', 'בבדיקה', 'בחקירה'],
  Monitoring: ['in observatie', 'monitorowanie', 'monitorování', 'моніторинг', 'спостереження', 'izleniyor', 'đang theo dõi', 'dipantau', 'övervakas', 'seurannassa', 'במעקב'],
  // Over without an incident to resolve: a false alarm, no incident, a duplicate.
  Closed: [
    'vals alarm', 'geen incident', 'duplicaat', 'fałszywy alarm', 'nie incydent', 'falešný poplach', 'planý poplach', 'není incident', 'duplikát', 'falošný poplach',
    'lažni alarm', 'ni incidenta', 'lažna uzbuna', 'nije incident', 'хибна тривога', 'хибне спрацювання', 'не інцидент', 'дублікат',
    'yanlış alarm', 'olay değil', 'mükerrer', 'báo động giả', 'không phải sự cố', 'trùng lặp', 'alarm palsu', 'bukan insiden',
    'falskt larm', 'ingen incident', 'dubblett', 'falsk alarm', 'väärä hälytys', 'téves riasztás', 'alarmă falsă', 'nu este incident',
    'netikras aliarmas', 'אזעקת שווא', 'לא תקלה', 'כפילות',
    '误报', '誤報', '誤検知', '오탐', '장애 아님',
  ],
  Deferred: ['uitgesteld', 'odłożone', 'odloženo', 'відкладено', 'ertelendi', 'hoãn lại', 'ditunda', 'uppskjuten', 'lykätty', 'נדחה', 'amânat'],
};

/** Columns of a table of occurrences that say one ended, or how long it lasted (`Trajanje`, `Duur`, `Süre`). */
export const MORE_END_COLUMNS = [
  'duur', 'hersteld', 'opgelost', 'czas trwania', 'naprawiono', 'trvání', 'doba trvání', 'vyřešeno', 'trajanje', 'odpravljeno', 'riješeno', 'тривалість', 'вирішено', 'відновлено',
  'süre', 'çözüldü', 'thời lượng', 'khắc phục', 'durasi', 'selesai', 'varaktighet', 'varighed', 'varighet', 'kesto', 'időtartam', 'durată', 'rezolvat', 'trukmė', 'משך', 'נפתר',
];

/** Columns that name what went wrong (`Помилка`, `Triệu chứng`, `Fout`): a row's title beside a date and a cause, fix or status column. */
export const MORE_WENT_WRONG_COLUMNS = [
  'fout', 'probleem', 'storing', 'błąd', 'awaria', 'chyba', 'problém', 'závada', 'napaka', 'greška', 'kvar', 'помилка', 'збій', 'hata', 'sorun', 'arıza',
  'lỗi', 'vấn đề', 'triệu chứng', 'masalah', 'galat', 'gangguan', 'fel', 'störning', 'fejl', 'feil', 'virhe', 'vika', 'hiba', 'eroare', 'problemă', 'klaida', 'gedimas', 'תקלה', 'שגיאה',
];

/** Columns a table row's date is read from (`Tarih`, `Ngày`, `Tanggal`, `תאריך`). */
export const MORE_DATE_COLUMNS = MORE_DATE_KEYS;

/** Columns an occurrence's title is read from when the table has no title column (`Wat`, `Kaj`, `Ne oldu`). */
export const MORE_NOTE_COLUMNS = ['wat', 'opmerking', 'opmerkingen', 'opis', 'uwagi', 'popis', 'kaj', 'opis', 'što', 'šta', 'опис', 'примітка', 'açıklama', 'ne oldu', 'mô tả', 'ghi chú', 'keterangan', 'deskripsi', 'beskrivning', 'beskrivelse', 'kuvaus', 'leírás', 'descriere', 'aprašymas', 'תיאור', 'מה קרה'];

/** Words that say the incident is not over, where no status is written (`nog niet opgelost`, `henüz çözülmedi`). */
export const MORE_PENDING_PHRASES = [
  'nog niet opgelost', 'nog niet verholpen', 'nog steeds open', 'nadal otwarte', 'jeszcze nie naprawione', 'nadal nie działa', 'stále nevyřešeno', 'ještě neopraveno', 'zatím nevyřešeno',
  'še ni rešeno', 'još nije riješeno', 'ще не вирішено', 'досі не виправлено', 'поки не виправлено', 'henüz çözülmedi', 'hâlâ açık', 'vẫn chưa khắc phục', 'chưa được khắc phục', 'vẫn chưa giải quyết',
  'belum diperbaiki', 'masih terbuka', 'inte åtgärdat än', 'ännu inte löst', 'ikke løst endnu', 'ikke løst ennå', 'ei vielä korjattu', 'még nincs megoldva', 'încă nerezolvat',
  'dar neišspręsta', 'עדיין פתוח', 'טרם תוקן', 'עדיין לא תוקן',
];

/** Words that describe a fix (`hersteld`, `naprawiono`, `düzeltildi`, `תוקן`): with nothing pending, the incident is over. */
export const MORE_FIX_PHRASES = [
  'opgelost', 'hersteld', 'verholpen', 'teruggedraaid', 'naprawiono', 'naprawiliśmy', 'przywrócono', 'odnowiono', 'dodano', 'zaktualizowano', 'wycofano', 'opraveno', 'opravili jsme', 'obnoveno', 'odpravljeno', 'popravljeno', 'ispravljeno', 'popravljeno',
  'виправлено', 'виправили', 'відновлено', 'відновили', 'düzeltildi', 'giderildi', 'geri alındı', 'đã khắc phục', 'đã sửa', 'diperbaiki', 'dipulihkan', 'åtgärdat', 'återställt', 'rettet', 'gendannet',
  'korjattu', 'palautettu', 'javítva', 'visszaállítva', 'remediat', 'restaurat', 'ištaisyta', 'atkurta', 'תוקן', 'שוחזר',
];
