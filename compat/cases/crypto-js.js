const CryptoJS = require('crypto-js');
print(CryptoJS.SHA256('hello').toString(), CryptoJS.MD5('hello').toString());
print(CryptoJS.HmacSHA1('message', 'key').toString(CryptoJS.enc.Base64));
const key = CryptoJS.enc.Utf8.parse('0123456789abcdef');
const iv = CryptoJS.enc.Utf8.parse('fedcba9876543210');
const encrypted = CryptoJS.AES.encrypt('secret text', key, { iv }).toString();
print(encrypted, CryptoJS.AES.decrypt(encrypted, key, { iv }).toString(CryptoJS.enc.Utf8));
print(CryptoJS.RC4.encrypt(CryptoJS.enc.Utf8.parse('plain'), CryptoJS.enc.Utf8.parse('Key')).ciphertext.toString());
