// Passkeys (WebAuthn) for the staff sign-in and account pages. A form with data-passkey="request"
// (sign in) or "create" (add a passkey) asks the server for a challenge at data-options-url, lets
// the browser's authenticator answer it, puts the answer in the form's CredentialJson field and
// sends the form. What went wrong goes in the Error field, for the server to show.
(() => {
    'use strict';
    const supported = typeof window.PublicKeyCredential !== 'undefined'
        && typeof window.PublicKeyCredential.parseCreationOptionsFromJSON === 'function'
        && typeof window.PublicKeyCredential.parseRequestOptionsFromJSON === 'function';

    async function answer(form) {
        if (!supported) throw new Error('This browser cannot use passkeys.');
        const token = form.querySelector('input[name="__RequestVerificationToken"]').value;
        const response = await fetch(form.dataset.optionsUrl, {
            method: 'POST',
            headers: { 'RequestVerificationToken': token },
            credentials: 'same-origin',
        });
        if (!response.ok) throw new Error('The server did not give a challenge (' + response.status + ').');
        const options = await response.json();
        const credential = form.dataset.passkey === 'create'
            ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
            : await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
        return JSON.stringify(credential);
    }

    for (const form of document.querySelectorAll('form[data-passkey]')) {
        form.addEventListener('submit', async (event) => {
            event.preventDefault();
            const button = form.querySelector('button[type="submit"]');
            if (button) button.disabled = true;
            try {
                form.querySelector('input[name="CredentialJson"]').value = await answer(form);
            } catch (error) {
                form.querySelector('input[name="Error"]').value = error && error.name === 'NotAllowedError'
                    ? 'The passkey request was cancelled or timed out.'
                    : String((error && error.message) || error).slice(0, 200);
            }
            form.submit();
        });
    }
})();
